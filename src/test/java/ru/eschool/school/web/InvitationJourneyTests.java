package ru.eschool.school.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * The whole path of an invitation: the admin enrols a student, adds a guardian, issues letters;
 * the guardian registers with the code from the letter and sees the child; a code works once.
 */
@EschoolTest
class InvitationJourneyTests {

	static final Pattern CODE = Pattern.compile("data-code>([A-Z0-9]{5}-[A-Z0-9]{5})<");

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	School school;
	School other;
	Account admin;
	long classA;
	long otherClass;
	Integer lastIssued;

	@BeforeEach
	void setUp() {
		school = data.school();
		other = data.school();
		admin = data.schoolAdmin(school);
		classA = data.schoolClass(school, 3, "А");
		otherClass = data.schoolClass(other, 3, "А");
	}

	@Test
	void guardianRegistersWithTheCodeFromTheLetterAndSeesTheChildOnTheHomePage() throws Exception {
		String card = mvc.perform(post("/admin/students").with(data.as(admin)).with(csrf())
				.param("lastName", "Волкова").param("firstName", "Маша").param("classId", Long.toString(classA))
				.param("joinedOn", "2026-09-01"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long student = Long.parseLong(card.substring(card.lastIndexOf('/') + 1));
		mvc.perform(post("/admin/guardians").with(data.as(admin)).with(csrf())
				.param("lastName", "Волкова").param("firstName", "Анна").param("phone", "+79140000001")
				.param("studentId", Long.toString(student)).param("relation", "MOTHER"))
			.andExpect(redirectedUrl("/admin/students/" + student));

		String letters = issue(classA, "GUARDIANS");
		assertThat(letters).contains("Волкова Анна", "Волкова Маша, 3А", "/register", "Средняя школа №");
		List<String> codes = codes(letters);
		assertThat(codes).hasSize(1);
		mvc.perform(get("/admin/students/" + student).with(data.as(admin)))
			.andExpect(content().string(containsString("выдан код приглашения")));

		MvcResult codeStep = mvc.perform(post("/register/code").with(csrf()).param("code", codes.get(0).toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Волкова Анна")))
			.andReturn();
		MvcResult registered = mvc.perform(post("/register/account").with(csrf()).param("code", codes.get(0))
				.param("login", "volkova" + TestData.next()).param("password", "secret-pass-1")
				.param("confirm", "secret-pass-1").param("consent", "true"))
			.andExpect(redirectedUrl("/?welcome"))
			.andReturn();
		assertThat(codeStep).isNotNull();
		mvc.perform(signedIn(get("/"), registered))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Волкова Маша")))
			.andExpect(content().string(containsString("/students/" + student)));

		assertThat(db.sql("""
				select count(*) from identity_role_grant where role = 'GUARDIAN' and person_id = (
				  select guardian_id from school_guardianship where student_id = :s) and institution_id = :i""")
			.param("s", student).param("i", school.id()).query(Long.class).single()).isEqualTo(1);
		mvc.perform(get("/admin/students/" + student).with(data.as(admin)))
			.andExpect(content().string(containsString("есть учётная запись")));
	}

	@Test
	void aUsedARevokedAndAnExpiredCodeAreRefusedWithTheirMessage() throws Exception {
		long student = data.student(school, classA, "Зайцев", "Коля");
		long guardian = data.guardian(school, "Зайцева", "Ира", student);
		String first = codes(issue(classA, "BOTH")).get(0);

		// re-issue revokes the first codes
		String reissued = issue(classA, "BOTH", true);
		List<String> fresh = codes(reissued);
		assertThat(fresh).hasSize(2).doesNotContain(first);
		mvc.perform(post("/register/code").with(csrf()).param("code", first))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Этот код отменён")));

		// used
		String code = fresh.get(0);
		mvc.perform(post("/register/account").with(csrf()).param("code", code).param("login", "z" + TestData.next())
				.param("password", "secret-pass-1").param("confirm", "secret-pass-1").param("consent", "true"))
			.andExpect(redirectedUrl("/?welcome"));
		mvc.perform(post("/register/code").with(csrf()).param("code", code))
			.andExpect(content().string(containsString("Этот код уже использован")));

		// expired
		String last = fresh.get(1);
		db.sql("update identity_invitation set expires_at = :past where letter_code = :c")
			.param("past", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1)).param("c", last).update();
		mvc.perform(post("/register/code").with(csrf()).param("code", last))
			.andExpect(content().string(containsString("Срок действия кода истёк")));
		assertThat(guardian).isPositive();
	}

	@Test
	void codesGoOnlyToPeopleWithoutAnAccountAndAreNotReissuedUnlessAsked() throws Exception {
		long masha = data.student(school, classA, "Волкова", "Маша");
		long petya = data.student(school, classA, "Орлов", "Петя");
		data.account("Орлов Петя", TestData.grant(Role.STUDENT, school, petya));

		String letters = issue(classA, "STUDENTS");
		assertThat(letters).contains("Волкова Маша").doesNotContain("Орлов Петя");
		assertThat(lastIssued).isEqualTo(1);
		String code = codes(letters).get(0);

		String again = issue(classA, "STUDENTS");
		assertThat(lastIssued).isZero();
		assertThat(codes(again)).containsExactly(code);
		assertThat(db.sql("select count(*) from identity_invitation where role = 'STUDENT' and person_id = :p")
			.param("p", masha).query(Long.class).single()).isEqualTo(1);

		String reprint = mvc.perform(get("/admin/invitations/letters").param("classId", Long.toString(classA))
				.param("who", "STUDENTS").with(data.as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(codes(reprint)).containsExactly(code);
	}

	@Test
	void thePdfHoldsTheSameLettersWithCyrillicText() throws Exception {
		data.student(school, classA, "Волкова", "Маша");
		String code = codes(issue(classA, "STUDENTS")).get(0);
		MvcResult pdf = mvc.perform(get("/admin/invitations/letters.pdf").param("classId", Long.toString(classA))
				.param("who", "STUDENTS").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn();
		byte[] bytes = pdf.getResponse().getContentAsByteArray();
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(bytes);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains(code).contains("Волкова Маша").contains("/register");
	}

	@Test
	void staffAreInvitedAsTeachersOrAsAdmins() throws Exception {
		long teacher = data.staff(school, "Иванова", "Анна", "TEACHER");
		long deputy = data.staff(school, "Сергеева", "Нина", "DEPUTY");
		mvc.perform(get("/admin/invitations").with(data.as(admin)))
			.andExpect(content().string(containsString("Иванова Анна")))
			.andExpect(content().string(containsString("Сергеева Нина")));
		String teacherLetters = follow(mvc.perform(post("/admin/invitations/staff").with(data.as(admin)).with(csrf())
				.param("staffId", Long.toString(teacher)).param("role", "TEACHER")).andReturn());
		assertThat(teacherLetters).contains("Иванова Анна", "Учитель").doesNotContain("Сергеева Нина");
		String adminLetters = follow(mvc.perform(post("/admin/invitations/staff").with(data.as(admin)).with(csrf())
				.param("staffId", Long.toString(deputy)).param("role", "SCHOOL_ADMIN")).andReturn());
		assertThat(adminLetters).contains("Сергеева Нина", "Администратор школы");
		assertThat(db.sql("select role from identity_invitation where person_id = :p and institution_id = :i")
			.param("p", deputy).param("i", school.id()).query(String.class).list()).containsExactly("SCHOOL_ADMIN");

		String code = codes(adminLetters).get(0);
		MvcResult registered = mvc.perform(post("/register/account").with(csrf()).param("code", code)
				.param("login", "nina" + TestData.next()).param("password", "secret-pass-1")
				.param("confirm", "secret-pass-1").param("consent", "true"))
			.andExpect(redirectedUrl("/?welcome")).andReturn();
		mvc.perform(signedIn(get("/admin/students"), registered)).andExpect(status().isOk());
	}

	@Test
	void invalidChoicesReRenderWithMessagesAndIssueNothing() throws Exception {
		data.student(school, classA, "Волкова", "Маша");
		mvc.perform(post("/admin/invitations").with(data.as(admin)).with(csrf()).param("classId", "").param("who", "ALL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"e-classId\">Выберите класс.")))
			.andExpect(content().string(containsString("id=\"e-who\">Выберите, кого пригласить.")));
		mvc.perform(post("/admin/invitations/staff").with(data.as(admin)).with(csrf()).param("role", "STUDENT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Отметьте хотя бы одного сотрудника.")))
			.andExpect(content().string(containsString("Выберите роль.")));
		assertThat(invitationsOf(school)).isZero();
	}

	@Test
	void adminCannotInviteOrPrintLettersOfAnotherSchool() throws Exception {
		data.student(other, otherClass, "Чужой", "Ваня");
		long otherStaff = data.staff(other, "Чужая", "Учительница", "TEACHER");
		Account otherAdmin = data.schoolAdmin(other);
		mvc.perform(post("/admin/invitations").with(data.as(otherAdmin)).with(csrf())
				.param("classId", Long.toString(otherClass)).param("who", "STUDENTS"))
			.andExpect(status().is3xxRedirection());
		long before = invitationsOf(other);
		assertThat(before).isEqualTo(1);

		mvc.perform(post("/admin/invitations").with(data.as(admin)).with(csrf())
				.param("classId", Long.toString(otherClass)).param("who", "BOTH"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/invitations/staff").with(data.as(admin)).with(csrf())
				.param("staffId", Long.toString(otherStaff)).param("role", "TEACHER"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/invitations/letters").param("classId", Long.toString(otherClass)).param("who", "BOTH")
				.with(data.as(admin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/invitations/letters.pdf").param("classId", Long.toString(otherClass))
				.param("who", "STUDENTS").with(data.as(admin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/invitations/letters").param("role", "TEACHER")
				.param("staffId", Long.toString(otherStaff)).with(data.as(admin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/invitations").with(data.as(admin)))
			.andExpect(content().string(not(containsString("Чужая Учительница"))));
		assertThat(invitationsOf(other)).isEqualTo(before);
		assertThat(invitationsOf(school)).isZero();
	}

	@Test
	void theLettersOfAWholeClassStayWithinThePageBudget() throws Exception {
		for (int i = 0; i < 32; i++) {
			long child = data.student(school, classA, "Ученикова" + i, "Мария");
			data.guardian(school, "Родителева" + i, "Ольга", child);
			data.guardian(school, "Родителев" + i, "Игорь", child);
		}
		String letters = issue(classA, "BOTH");
		assertThat(codes(letters)).hasSize(96);
		java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
		try (var out = new java.util.zip.GZIPOutputStream(gz)) {
			out.write(letters.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		assertThat(gz.size()).as("gzipped letters page").isLessThan(15 * 1024);
	}

	private String issue(long classId, String who) throws Exception {
		return issue(classId, who, false);
	}

	private String issue(long classId, String who, boolean reissue) throws Exception {
		MvcResult r = mvc.perform(post("/admin/invitations").with(data.as(admin)).with(csrf())
				.param("classId", Long.toString(classId)).param("who", who).param("reissue", Boolean.toString(reissue)))
			.andExpect(status().is3xxRedirection()).andReturn();
		return follow(r);
	}

	/**
	 * Follows a redirect to the letters page. The count of issued codes travels as a flash
	 * attribute in the (JDBC) session, which MockMvc does not carry, so it is read from the flash map.
	 */
	private String follow(MvcResult redirect) throws Exception {
		String url = redirect.getResponse().getRedirectedUrl();
		lastIssued = (Integer) redirect.getFlashMap().get("issued");
		assertThat(url).startsWith("/admin/invitations/letters?");
		return mvc.perform(get(url).with(data.as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static List<String> codes(String page) {
		List<String> codes = new ArrayList<>();
		Matcher m = CODE.matcher(page);
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

	/** The next request in the session the registration signed in. */
	private static MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request, MvcResult registered) {
		Cookie session = registered.getResponse().getCookie("SESSION");
		if (session != null) {
			return request.cookie(session);
		}
		return request.session((MockHttpSession) registered.getRequest().getSession(false));
	}

	private long invitationsOf(School s) {
		return db.sql("select count(*) from identity_invitation where institution_id = :i").param("i", s.id())
			.query(Long.class).single();
	}
}
