package ru.eschool.school.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.eschool.school.internal.roster.Csv;
import ru.eschool.school.internal.roster.ImportBatches;
import ru.eschool.school.internal.roster.ImportBatches.Batch;
import ru.eschool.school.internal.roster.Report;
import ru.eschool.school.internal.roster.RosterFile;
import ru.eschool.school.internal.roster.RosterFile.MissingColumns;
import ru.eschool.school.internal.roster.RosterImport;
import ru.eschool.school.internal.roster.RosterKind;
import ru.eschool.shared.Actor;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * Roster import for a school admin: upload a CSV file, read the per-line report, import all of it
 * or nothing. Each step is its own URL, so a refresh or a second click does no harm.
 */
@Controller
class RosterImportController {

	/** How many lines of each group the preview shows: errors first, the page stays small. */
	static final int SHOW_ERRORS = 100;
	static final int SHOW_WARNINGS = 100;
	static final int SHOW_OK = 30;
	static final int SHOW_ADDED = 200;

	private final RosterImport roster;

	RosterImportController(RosterImport roster) {
		this.roster = roster;
	}

	@GetMapping("/admin/import")
	String form(Actor actor, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String tooBig, Model model) {
		actor.require(Role.SCHOOL_ADMIN);
		RosterKind chosen = kind == null ? RosterKind.STUDENTS : RosterKind.ofSlug(kind);
		Map<String, String> errors = tooBig == null ? Map.of() : Map.of("file", tooBig());
		return form(model, errors, chosen, false);
	}

	@PostMapping("/admin/import")
	String upload(Actor actor, @RequestParam(defaultValue = "students") String kind,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "false") boolean createClasses, Model model) throws IOException {
		actor.require(Role.SCHOOL_ADMIN);
		RosterKind chosen = RosterKind.ofSlug(kind);
		if (file == null || file.isEmpty()) {
			return form(model, Map.of("file", I18n.t("roster.file.none")), chosen, createClasses);
		}
		if (file.getSize() > RosterFile.MAX_BYTES) {
			return form(model, Map.of("file", tooBig()), chosen, createClasses);
		}
		try {
			long id = roster.upload(actor, chosen, file.getBytes(), file.getOriginalFilename(), createClasses);
			return "redirect:/admin/import/" + id;
		}
		catch (MissingColumns e) {
			String names = e.columns().stream()
				.map(c -> I18n.t("roster.file.columnName", I18n.t(c.labelKey()), c.header(), c.englishHeader()))
				.collect(Collectors.joining(", "));
			return form(model, Map.of("file", I18n.t(e.key(), names)), chosen, createClasses);
		}
		catch (Csv.Unreadable e) {
			return form(model, Map.of("file", I18n.t(e.key(), e.args())), chosen, createClasses);
		}
	}

	@GetMapping(path = "/admin/import/example/{slug}.csv")
	ResponseEntity<byte[]> example(Actor actor, @PathVariable String slug) {
		actor.require(Role.SCHOOL_ADMIN);
		RosterKind kind = RosterKind.ofSlug(slug);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(kind.slug() + ".csv").build().toString())
			.body(kind.exampleFile());
	}

	@GetMapping("/admin/import/{id}")
	String preview(Actor actor, @PathVariable long id, Model model) {
		Batch batch = roster.batch(actor, id);
		if (batch.status() == ImportBatches.Status.DONE) {
			return "redirect:/admin/import/" + id + "/result";
		}
		RosterImport.Preview preview = roster.preview(actor, id);
		Report report = preview.report();
		List<Report.LineReport> warnings = report.lines().stream()
			.filter(l -> l.outcome() != Report.Outcome.ERROR && l.hasWarnings()).toList();
		List<Report.LineReport> ok = report.lines().stream()
			.filter(l -> l.outcome() == Report.Outcome.ADD && !l.hasWarnings()).toList();
		model.addAttribute("batch", preview.batch());
		model.addAttribute("report", report);
		model.addAttribute("groups", List.of(
				ReportGroup.of("roster.group.errors", report.byOutcome(Report.Outcome.ERROR), SHOW_ERRORS),
				ReportGroup.of("roster.group.warnings", warnings, SHOW_WARNINGS), ReportGroup.of("roster.group.ok", ok, SHOW_OK)));
		return "school/roster/preview";
	}

	@PostMapping("/admin/import/{id}/confirm")
	String confirm(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
		try {
			roster.confirm(actor, id);
		}
		catch (RosterImport.Rejected e) {
			redirect.addFlashAttribute("notice", "roster.rejected");
			return "redirect:/admin/import/" + id;
		}
		redirect.addFlashAttribute("notice", "roster.done");
		return "redirect:/admin/import/" + id + "/result";
	}

	@GetMapping("/admin/import/{id}/result")
	String result(Actor actor, @PathVariable long id, Model model) {
		Batch batch = roster.batch(actor, id);
		if (batch.status() != ImportBatches.Status.DONE) {
			return "redirect:/admin/import/" + id;
		}
		List<RosterFile.Line> added = RosterFile.fromStored(batch.kind(), batch.content());
		model.addAttribute("batch", batch);
		model.addAttribute("lines", added.subList(0, Math.min(SHOW_ADDED, added.size())));
		model.addAttribute("hidden", Math.max(0, added.size() - SHOW_ADDED));
		return "school/roster/result";
	}

	private static String tooBig() {
		return I18n.t("roster.file.tooBig", RosterFile.MAX_BYTES / 1024 / 1024);
	}

	private static String form(Model model, Map<String, String> errors, RosterKind kind, boolean createClasses) {
		model.addAttribute("errors", errors);
		model.addAttribute("kind", kind);
		model.addAttribute("createClasses", createClasses);
		model.addAttribute("kinds", List.of(RosterKind.values()));
		model.addAttribute("maxMb", RosterFile.MAX_BYTES / 1024 / 1024);
		model.addAttribute("maxLines", RosterFile.MAX_LINES);
		return "school/roster/upload";
	}
}
