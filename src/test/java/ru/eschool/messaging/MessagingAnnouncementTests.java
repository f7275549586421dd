package ru.eschool.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * Announcements: who may address whom, recipients resolved once into one row each (a constant
 * number of statements whatever their number), read receipts for the author only, urgency for
 * admins only, and refusals that store nothing.
 */
@EschoolTest
@RecordApplicationEvents
@Import(StatementCounter.class)
class MessagingAnnouncementTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEvents events;
	@Autowired Announcements announcements;

	School school;
	long classA;
	long classB;
	Account teacher;
	Account pupil;
	Account parent;
	Account otherParent;
	Account colleague;
	Account admin;
	Account foreignAdmin;

	@BeforeEach
	void setUp() {
		school = data.school();
		classA = data.schoolClass(school, 5, "А");
		classB = data.schoolClass(school, 5, "Б");
		long math = data.subject(school, "Математика");
		long t = data.staff(school, "Учителева", "Анна", "TEACHER");
		data.assign(t, math, classA);
		teacher = data.account("Учителева Анна", TestData.grant(Role.TEACHER, school, t));
		colleague = data.account("Коллегова Вера", TestData.grant(Role.TEACHER, school, data.staff(school, "Коллегова", "Вера", "TEACHER")));
		long student = data.student(school, classA, "Ученикова", "Маша");
		long other = data.student(school, classB, "Чужов", "Петя");
		pupil = data.account("Ученикова Маша", TestData.grant(Role.STUDENT, school, student));
		parent = data.account("Ученикова Ирина", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Ученикова", "Ирина", student)));
		otherParent = data.account("Чужова Ира", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Чужова", "Ира", other)));
		admin = data.schoolAdmin(school);
		foreignAdmin = data.schoolAdmin(data.school());
	}

	private long count(String table, String where, long id) {
		return db.sql("select count(*) from " + table + " where " + where + " = :id").param("id", id).query(Long.class).single();
	}

	private long publish(Account author, MockHttpServletRequestBuilder request) throws Exception {
		String location = mvc.perform(request.with(data.as(author)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.replaceAll("\\D+(\\d+)\\D*", "$1"));
	}

	@Test
	void aTeachersAnnouncementToTheirClassesGuardiansReachesThemOnceWithReadReceipts() throws Exception {
		long id = publish(teacher, post("/announcements").param("title", "Родительское собрание").param("body", "В четверг в 18:00")
			.param("kinds", "GUARDIAN").param("classes", String.valueOf(classA)));
		assertThat(announcements.recipientAccountIds(id)).containsExactly(parent.id());
		assertThat(events.stream(AnnouncementPublished.class).filter(e -> e.announcementId() == id)).singleElement()
			.satisfies(e -> {
				assertThat(e.institutionId()).isEqualTo(school.id());
				assertThat(e.urgent()).isFalse();
				assertThat(e.title()).isEqualTo("Родительское собрание");
			});

		mvc.perform(get("/announcements").with(data.as(parent)))
			.andExpect(content().string(containsString("Родительское собрание")))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.badge", 1))));
		mvc.perform(get("/announcements").with(data.as(otherParent)))
			.andExpect(content().string(not(containsString("Родительское собрание"))));
		mvc.perform(get("/announcements/" + id).with(data.as(otherParent))).andExpect(status().isNotFound());
		mvc.perform(get("/announcements/" + id + "/readers").with(data.as(teacher)))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.readers.count", 0, 1))));
		mvc.perform(get("/announcements/" + id).with(data.as(parent)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("В четверг в 18:00")));
		mvc.perform(get("/announcements/" + id + "/readers").with(data.as(teacher)))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.readers.count", 1, 1))))
			.andExpect(content().string(containsString("Ученикова Ирина")));
		// the read report is the author's only
		for (Account other : List.of(parent, admin, colleague, foreignAdmin)) {
			mvc.perform(get("/announcements/" + id + "/readers").with(data.as(other))).andExpect(status().isNotFound());
		}
	}

	@Test
	void aTeacherMayNotAddressAClassTheyNeitherTeachNorLeadNorMarkItUrgentNorWriteToStaff() throws Exception {
		long before = count("messaging_announcement", "author_account_id", teacher.id());
		mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "GUARDIAN")
			.param("classes", String.valueOf(classB)).with(data.as(teacher)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "GUARDIAN")
			.param("classes", String.valueOf(classA)).param("urgent", "true").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "STAFF")
			.param("classes", String.valueOf(classA)).with(data.as(teacher)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "GUARDIAN")
			.with(data.as(teacher)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.classes.empty"))));
		mvc.perform(post("/announcements").param("title", " ").param("body", "").param("classes", String.valueOf(classA))
			.with(data.as(teacher)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.title.empty"))))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.kinds.empty"))));
		for (Account family : List.of(parent, pupil)) {
			mvc.perform(get("/announcements/new").with(data.as(family))).andExpect(status().isForbidden());
			mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "GUARDIAN")
				.with(data.as(family)).with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(count("messaging_announcement", "author_account_id", teacher.id())).isEqualTo(before);
		assertThat(count("messaging_announcement", "author_account_id", parent.id())).isZero();
	}

	@Test
	void theSchoolAdminAnnouncesUrgentlyToTheWholeSchoolButNotToAnotherSchoolsClass() throws Exception {
		long id = publish(admin, post("/announcements").param("title", "Отмена занятий").param("body", "Мороз −30, занятий нет")
			.param("kinds", "STUDENT", "GUARDIAN", "STAFF").param("urgent", "true"));
		assertThat(announcements.recipientAccountIds(id))
			.containsExactlyInAnyOrder(teacher.id(), colleague.id(), pupil.id(), parent.id(), otherParent.id());
		assertThat(events.stream(AnnouncementPublished.class).filter(e -> e.announcementId() == id)).singleElement()
			.satisfies(e -> assertThat(e.urgent()).isTrue());

		// staff of chosen classes are those who teach or lead them
		long staffOfA = publish(admin, post("/announcements").param("title", "Педсовет 5А").param("body", "Во вторник")
			.param("kinds", "STAFF").param("classes", String.valueOf(classA)));
		assertThat(announcements.recipientAccountIds(staffOfA)).containsExactly(teacher.id());

		long foreignClass = data.schoolClass(data.school(), 7, "В");
		mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "GUARDIAN")
			.param("classes", String.valueOf(foreignClass)).with(data.as(admin)).with(csrf())).andExpect(status().isForbidden());
		assertThat(count("messaging_announcement", "author_account_id", admin.id())).isEqualTo(2);
	}

	@Test
	void theRegionalAdminAnnouncesToTheStaffOfChosenInstitutions() throws Exception {
		Account region = data.account("Региональный Админ", new ru.eschool.identity.AccountProvisioning.Grant(Role.REGION_ADMIN, null, null));
		long id = publish(region, post("/announcements").param("title", "Курсы").param("body", "Курсы повышения квалификации")
			.param("kinds", "STAFF").param("institutions", String.valueOf(school.id())));
		assertThat(announcements.recipientAccountIds(id)).containsExactlyInAnyOrder(teacher.id(), colleague.id(), admin.id());
		mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "GUARDIAN")
			.with(data.as(region)).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void fanOutToAThousandGuardiansRunsTheSameNumberOfStatementsAsToOne() throws Exception {
		long small = data.schoolClass(school, 9, "А");
		data.guardianAccounts(school, small, 1);
		long large = data.schoolClass(school, 9, "Б");
		data.guardianAccounts(school, large, 1000);

		int[] statements = new int[2];
		long[] ids = new long[2];
		long[] nanos = new long[2];
		long[] classes = { small, large };
		for (int i = 0; i < 2; i++) {
			long c = classes[i];
			int n = i;
			StatementCounter.start();
			long t0 = System.nanoTime();
			ids[n] = publish(admin, post("/announcements").param("title", "Собрание " + n).param("body", "Текст")
				.param("kinds", "GUARDIAN").param("classes", String.valueOf(c)));
			nanos[n] = System.nanoTime() - t0;
			statements[n] = StatementCounter.stop();
		}
		assertThat(count("messaging_recipient", "announcement_id", ids[0])).isEqualTo(1);
		assertThat(count("messaging_recipient", "announcement_id", ids[1])).isEqualTo(1000);
		assertThat(statements[1]).isEqualTo(statements[0]);
		System.out.printf("messaging fan-out: 1000 recipients accepted in %d ms (%d statements; 1 recipient: %d ms)%n",
				nanos[1] / 1_000_000, statements[1], nanos[0] / 1_000_000);

		// the read report of a thousand stays a constant number of statements and a small page
		int before = StatementCounter.count(() -> mvc.perform(get("/announcements/" + ids[1] + "/readers").with(data.as(admin))));
		db.sql("update messaging_recipient set read_at = current_timestamp where announcement_id = :a").param("a", ids[1]).update();
		int after = StatementCounter.count(() -> mvc.perform(get("/announcements/" + ids[1] + "/readers").with(data.as(admin)))
			.andExpect(content().string(containsString(I18n.msg(Locale.forLanguageTag("ru"), "messaging.readers.count", 1000, 1000)))));
		assertThat(after).isEqualTo(before);
		byte[] page = mvc.perform(get("/announcements/" + ids[1] + "/readers").with(data.as(admin))).andReturn().getResponse()
			.getContentAsByteArray();
		assertThat(MessagingTests.gzipped(page)).as("gzipped read report of 1000").isLessThan(15 * 1024);
	}

	@Test
	void theClassTeacherAnnouncesToTheClassTheyLeadWithoutTeachingIt() throws Exception {
		long lead = data.staff(school, "Классова", "Ольга", "TEACHER");
		data.classTeacher(classB, lead);
		Account classTeacher = data.account("Классова Ольга", TestData.grant(Role.TEACHER, school, lead));
		long id = publish(classTeacher, post("/announcements").param("title", "Экскурсия").param("body", "В субботу в музей")
			.param("kinds", "STUDENT", "GUARDIAN").param("classes", String.valueOf(classB)));
		assertThat(announcements.recipientAccountIds(id)).containsExactly(otherParent.id());
		mvc.perform(post("/announcements").param("title", "Т").param("body", "Б").param("kinds", "GUARDIAN")
			.param("classes", String.valueOf(classA)).with(data.as(classTeacher)).with(csrf())).andExpect(status().isForbidden());
	}
}
