package ru.eschool.school.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.identity.AccountDirectory;
import ru.eschool.identity.Invitations;
import ru.eschool.school.PersonName;
import ru.eschool.school.internal.Institutions;
import ru.eschool.school.internal.Institutions.InstitutionFigures;
import ru.eschool.school.internal.Institutions.Kind;
import ru.eschool.school.internal.Institutions.Municipality;
import ru.eschool.school.internal.Onboarding;
import ru.eschool.school.internal.StaffMembers.Position;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.FormErrors;

/**
 * The regional admin's pages: municipalities, institutions with aggregate figures, connecting a
 * new institution with its first admin's invitation. No child's personal data is shown here.
 */
@Controller
public class RegionController {

	record MunicipalityForm(@NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.tooLong}") String name) {
	}

	public record InstitutionForm(@NotNull(message = "{validation.required}") Long municipality,
			@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String name,
			@NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.tooLong}") String shortName,
			@NotNull(message = "{validation.required}") Kind kind,
			@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") String adminLast,
			@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.tooLong}") String adminFirst,
			@Size(max = 80, message = "{validation.tooLong}") @Nullable String adminMiddle,
			@NotNull(message = "{validation.required}") Position adminPosition) {
	}

	/** An admin of an institution as the region sees them: name and whether they can sign in. */
	public record AdminRow(long staffId, String name, String status) {
	}

	private final Institutions institutions;
	private final Onboarding onboarding;
	private final Invitations invitations;
	private final AccountDirectory accounts;

	RegionController(Institutions institutions, Onboarding onboarding, Invitations invitations,
			AccountDirectory accounts) {
		this.institutions = institutions;
		this.onboarding = onboarding;
		this.invitations = invitations;
		this.accounts = accounts;
	}

	@GetMapping("/region")
	String region(Actor actor, Model model) {
		actor.require(Role.REGION_ADMIN);
		return regionPage(model, Map.of(), "");
	}

	@PostMapping("/region/municipalities")
	String createMunicipality(Actor actor, @Valid @ModelAttribute MunicipalityForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		actor.require(Role.REGION_ADMIN);
		if (!result.hasErrors() && institutions.municipalities().stream()
			.anyMatch(m -> m.name().equalsIgnoreCase(form.name().strip()))) {
			result.rejectValue("name", "region.municipality.taken");
		}
		if (result.hasErrors()) {
			return regionPage(model, FormErrors.of(result), form.name() == null ? "" : form.name());
		}
		long id = institutions.createMunicipality(form.name());
		redirect.addFlashAttribute("notice", "region.municipality.created");
		return "redirect:/region/municipalities/" + id;
	}

	@GetMapping("/region/municipalities/{id}")
	String municipality(Actor actor, @PathVariable long id, Model model) {
		actor.require(Role.REGION_ADMIN);
		model.addAttribute("municipality", institutions.municipality(id).orElseThrow(NotFound::new));
		model.addAttribute("institutions", institutions.figures(id));
		return "school/region/municipality";
	}

	@GetMapping("/region/institutions/new")
	String newInstitution(Actor actor, @RequestParam(required = false) @Nullable Long municipality, Model model) {
		actor.require(Role.REGION_ADMIN);
		return institutionForm(model, new InstitutionForm(municipality, "", "", Kind.SCHOOL, "", "", "",
				Position.DIRECTOR), Map.of());
	}

	@PostMapping("/region/institutions")
	String createInstitution(Actor actor, @Valid @ModelAttribute InstitutionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		actor.require(Role.REGION_ADMIN);
		if (form.municipality() != null && institutions.municipality(form.municipality()).isEmpty()) {
			result.rejectValue("municipality", "region.municipality.unknown");
		}
		else if (form.municipality() != null && form.shortName() != null && !form.shortName().isBlank()
				&& institutions.nameTaken(form.municipality(), form.shortName())) {
			result.rejectValue("shortName", "region.institution.taken");
		}
		if (result.hasErrors()) {
			return institutionForm(model, form, FormErrors.of(result));
		}
		String middle = form.adminMiddle() == null || form.adminMiddle().isBlank() ? null : form.adminMiddle().strip();
		long id = onboarding.connect(form.municipality(), form.name(), form.shortName(), form.kind(),
				new PersonName(form.adminLast().strip(), form.adminFirst().strip(), middle), form.adminPosition(),
				actor.accountId());
		redirect.addFlashAttribute("notice", "region.institution.created");
		return "redirect:/region/institutions/" + id;
	}

	@GetMapping("/region/institutions/{id}")
	String institution(Actor actor, @PathVariable long id, Model model) {
		actor.require(Role.REGION_ADMIN);
		model.addAttribute("institution", institutions.figuresOf(id).orElseThrow(NotFound::new));
		model.addAttribute("admins", admins(id));
		return "school/region/institution";
	}

	@PostMapping("/region/institutions/{id}/admins/{staffId}/code")
	String reissue(Actor actor, @PathVariable long id, @PathVariable long staffId, RedirectAttributes redirect) {
		actor.require(Role.REGION_ADMIN);
		onboarding.reissue(id, staffId, actor.accountId());
		redirect.addFlashAttribute("notice", "region.admin.reissued");
		return "redirect:/region/institutions/" + id + "/letters";
	}

	@GetMapping("/region/institutions/{id}/letters")
	String letters(Actor actor, @PathVariable long id, Model model) {
		actor.require(Role.REGION_ADMIN);
		InstitutionFigures institution = institutions.figuresOf(id).orElseThrow(NotFound::new);
		model.addAttribute("institution", institution);
		model.addAttribute("letters", invitations.pending(Role.SCHOOL_ADMIN, adminCandidates(id)));
		return "school/region/letters";
	}

	private List<Long> adminCandidates(long institutionId) {
		return institutions.adminStaff(institutionId).stream().map(Institutions.AdminStaff::staffId).toList();
	}

	private List<AdminRow> admins(long institutionId) {
		List<Institutions.AdminStaff> staff = institutions.adminStaff(institutionId);
		List<Long> ids = staff.stream().map(Institutions.AdminStaff::staffId).toList();
		Set<Long> withAccount = accounts.personsWithAccounts(Role.SCHOOL_ADMIN, ids);
		Set<Long> pending = invitations.pending(Role.SCHOOL_ADMIN, ids).stream()
			.map(Invitations.Issued::personId).collect(java.util.stream.Collectors.toSet());
		return staff.stream().map(a -> new AdminRow(a.staffId(), a.name().full(),
				withAccount.contains(a.staffId()) ? "region.admin.status.account"
						: pending.contains(a.staffId()) ? "region.admin.status.pending" : "region.admin.status.none"))
			.toList();
	}

	private String regionPage(Model model, Map<String, String> errors, String name) {
		List<Municipality> municipalities = institutions.municipalities();
		model.addAttribute("municipalities", municipalities);
		model.addAttribute("errors", errors);
		model.addAttribute("name", name);
		return "school/region/region";
	}

	private String institutionForm(Model model, InstitutionForm form, Map<String, String> errors) {
		model.addAttribute("f", form);
		model.addAttribute("municipalities", institutions.municipalities());
		model.addAttribute("errors", errors);
		return "school/region/new-institution";
	}
}
