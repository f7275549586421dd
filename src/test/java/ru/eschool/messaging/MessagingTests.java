package ru.eschool.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.school.Correspondents;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * Conversations only between people who may talk, refusals that store nothing, unread counts and
 * read marks, blocking, abuse reports, attachments and search in one's own messages.
 */
@EschoolTest
@RecordApplicationEvents
@Import(StatementCounter.class)
class MessagingTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Correspondents correspondents;
	@Autowired ApplicationEvents events;

	School school;
	long classA;
	Account teacher;
	Account classTeacher;
	Account otherTeacher;
	Account pupil;
	Account parent;
	Account otherParent;
	Account admin;
	Account foreignTeacher;
	Account foreignAdmin;

	@BeforeEach
	void setUp() {
		school = data.school();
		classA = data.schoolClass(school, 5, "А");
		long classB = data.schoolClass(school, 5, "Б");
		long math = data.subject(school, "Математика");
		long t = data.staff(school, "Учителева", "Анна", "TEACHER");
		long ct = data.staff(school, "Классова", "Ольга", "TEACHER");
		long t2 = data.staff(school, "Другова", "Вера", "TEACHER");
		data.assign(t, math, classA);
		data.assign(t2, math, classB);
		data.classTeacher(classA, ct);
		teacher = data.account("Учителева Анна", TestData.grant(Role.TEACHER, school, t));
		classTeacher = data.account("Классова Ольга", TestData.grant(Role.TEACHER, school, ct));
		otherTeacher = data.account("Другова Вера", TestData.grant(Role.TEACHER, school, t2));
		long student = data.student(school, classA, "Ученикова", "Маша");
		long other = data.student(school, classB, "Чужов", "Петя");
		pupil = data.account("Ученикова Маша", TestData.grant(Role.STUDENT, school, student));
		parent = data.account("Ученикова Ирина", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Ученикова", "Ирина", student)));
		otherParent = data.account("Чужова Ира", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Чужова", "Ира", other)));
		admin = data.schoolAdmin(school);
		School foreign = data.school();
		foreignTeacher = data.account("Чужая Учительница", TestData.grant(Role.TEACHER, foreign,
				data.staff(foreign, "Чужая", "Учительница", "TEACHER")));
		foreignAdmin = data.schoolAdmin(foreign);
	}

	static String to(Account a, Role role) {
		return a.id() + "-" + role.name();
	}

	private long personOf(Account account) {
		return db.sql("select person_id from identity_role_grant where account_id = :a").param("a", account.id())
			.query(Long.class).single();
	}

	private long messages(Account sender) {
		return db.sql("select count(*) from messaging_message where sender_account_id = :a").param("a", sender.id())
			.query(Long.class).single();
	}

	private long write(Account from, Account toAccount, Role role, String text) throws Exception {
		String location = mvc.perform(post("/messages").param("to", to(toAccount, role)).param("text", text)
			.with(data.as(from)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void theGuardiansPickerListsOnlyTheChildsTeachersTheClassTeacherAndTheAdministration() throws Exception {
		mvc.perform(get("/messages/new").with(data.as(parent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + to(teacher, Role.TEACHER) + "\"")))
			.andExpect(content().string(containsString("value=\"" + to(classTeacher, Role.TEACHER) + "\"")))
			.andExpect(content().string(containsString("value=\"" + to(admin, Role.SCHOOL_ADMIN) + "\"")))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.relation.CHILD_TEACHER"))))
			.andExpect(content().string(not(containsString("Другова"))))
			.andExpect(content().string(not(containsString("Чужая"))))
			.andExpect(content().string(not(containsString("Чужова"))));
	}

	@Test
	void aGuardianWritesToTheChildsTeacherWhoSeesItUnreadThenReadAndMessageSentIsPublished() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Добрый день! Маша болеет, пропустит контрольную.");
		assertThat(events.stream(MessageSent.class).filter(e -> e.conversationId() == conversation))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.senderAccountId()).isEqualTo(parent.id());
				assertThat(e.recipientAccountIds()).containsExactly(teacher.id());
				assertThat(e.preview()).startsWith("Добрый день!");
			});

		mvc.perform(get("/messages").with(data.as(teacher)))
			.andExpect(content().string(containsString("data-conversation=\"" + conversation + "\"")))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.unread", 1))))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.badge", 1))));
		mvc.perform(get("/messages/" + conversation).with(data.as(teacher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Маша болеет")));
		mvc.perform(get("/messages").with(data.as(teacher)))
			.andExpect(content().string(not(containsString(I18n.msg(Locale.ROOT, "messaging.badge", 1)))));

		// the htmx reply answers with the thread fragment only, and the guardian has one unread
		mvc.perform(post("/messages/" + conversation).param("text", "Выздоравливайте, напишем позже.")
			.header("HX-Request", "true").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Выздоравливайте")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/messages").with(data.as(parent)))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.badge", 1))));
		// a second message to the same person goes into the same conversation
		assertThat(write(parent, teacher, Role.TEACHER, "Спасибо!")).isEqualTo(conversation);
	}

	@Test
	void writingToSomeoneOutsideOnesRelationsIsForbiddenAndStoresNothing() throws Exception {
		String[][] refused = {
				{ to(otherTeacher, Role.TEACHER) }, { to(foreignTeacher, Role.TEACHER) }, { to(otherParent, Role.GUARDIAN) },
				{ to(pupil, Role.STUDENT) }, { to(foreignAdmin, Role.SCHOOL_ADMIN) }, { to(teacher, Role.SCHOOL_ADMIN) } };
		for (String[] target : refused) {
			mvc.perform(post("/messages").param("to", target[0]).param("text", "Здравствуйте").with(data.as(parent)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		// a student writes to their teacher, not to another class's teacher nor to a guardian
		mvc.perform(post("/messages").param("to", to(otherTeacher, Role.TEACHER)).param("text", "Здравствуйте")
			.with(data.as(pupil)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/messages").param("to", to(parent, Role.GUARDIAN)).param("text", "Здравствуйте")
			.with(data.as(pupil)).with(csrf())).andExpect(status().isForbidden());
		// a teacher writes to colleagues but not to another school's staff
		mvc.perform(post("/messages").param("to", to(foreignTeacher, Role.TEACHER)).param("text", "Здравствуйте")
			.with(data.as(teacher)).with(csrf())).andExpect(status().isForbidden());
		assertThat(messages(parent) + messages(pupil) + messages(teacher)).isZero();
		write(pupil, teacher, Role.TEACHER, "Можно пересдать?");
		write(teacher, otherTeacher, Role.TEACHER, "Поменяемся кабинетами?");
		write(teacher, parent, Role.GUARDIAN, "Маша молодец.");
	}

	@Test
	void emptyTooLongOrBadFilesAreRefusedWithAMessageAndNothingIsStored() throws Exception {
		mvc.perform(post("/messages").param("to", to(teacher, Role.TEACHER)).param("text", "   ").with(data.as(parent)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.text.empty"))));
		mvc.perform(post("/messages").param("to", to(teacher, Role.TEACHER)).param("text", "я".repeat(4001))
			.with(data.as(parent)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.text.tooLong", 4000, 4001))));
		mvc.perform(multipart("/messages").file(new MockMultipartFile("file", "virus.exe", "application/octet-stream", new byte[] { 77, 90 }))
			.param("to", to(teacher, Role.TEACHER)).param("text", "Смотрите файл").with(data.as(parent)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.file.TYPE", "virus.exe"))));
		mvc.perform(multipart("/messages").file(new MockMultipartFile("file", "scan.pdf", "application/pdf", "MZ not a pdf".getBytes()))
			.param("to", to(teacher, Role.TEACHER)).param("text", "Смотрите файл").with(data.as(parent)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.file.TYPE", "scan.pdf"))));
		mvc.perform(post("/messages").param("text", "Кому-нибудь").with(data.as(parent)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.to.missing"))));
		assertThat(messages(parent)).isZero();
		assertThat(db.sql("select count(*) from messaging_participant where account_id = :a").param("a", parent.id())
			.query(Long.class).single()).isZero();

		// in English too
		mvc.perform(post("/messages").param("to", to(teacher, Role.TEACHER)).param("text", "").cookie(new jakarta.servlet.http.Cookie("lang", "en"))
			.with(data.as(parent)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.ENGLISH, "messaging.text.empty"))));
	}

	@Test
	void anAttachmentReachesOnlyTheConversationsParticipants() throws Exception {
		mvc.perform(multipart("/messages").file(new MockMultipartFile("file", "справка.pdf", "application/pdf", PDF))
			.param("to", to(teacher, Role.TEACHER)).param("text", "Справка от врача").with(data.as(parent)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long file = db.sql("""
				select f.id from messaging_attachment f join messaging_message m on m.id = f.message_id where m.sender_account_id = :a""")
			.param("a", parent.id()).query(Long.class).single();
		mvc.perform(get("/messages/files/" + file).with(data.as(teacher)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", "sandbox"))
			.andExpect(content().bytes(PDF));
		mvc.perform(get("/messages/files/" + file).with(data.as(otherTeacher))).andExpect(status().isNotFound());
		mvc.perform(get("/messages/files/" + file).with(data.as(foreignAdmin))).andExpect(status().isNotFound());
	}

	@Test
	void someoneElsesConversationIsNotFoundAndARepliesThereStoresNothing() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Вопрос по домашнему заданию");
		for (Account outsider : List.of(otherParent, otherTeacher, admin, foreignAdmin)) {
			mvc.perform(get("/messages/" + conversation).with(data.as(outsider))).andExpect(status().isNotFound());
			mvc.perform(post("/messages/" + conversation).param("text", "Влезу в разговор").with(data.as(outsider)).with(csrf()))
				.andExpect(status().isNotFound());
			mvc.perform(post("/messages/" + conversation + "/block").with(data.as(outsider)).with(csrf()))
				.andExpect(status().isNotFound());
			assertThat(messages(outsider)).isZero();
		}
		mvc.perform(get("/messages/" + (conversation + 1_000_000)).with(data.as(parent))).andExpect(status().isNotFound());
	}

	@Test
	void aBlockedGuardianIsToldTheTeacherDoesNotAcceptTheirMessagesAndNothingIsStored() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Почему тройка?!");
		mvc.perform(post("/messages/" + conversation + "/block").with(data.as(teacher)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long before = messages(parent);
		mvc.perform(post("/messages/" + conversation).param("text", "Ответьте немедленно!").with(data.as(parent)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.blocked.you"))));
		mvc.perform(post("/messages").param("to", to(teacher, Role.TEACHER)).param("text", "Ответьте!").with(data.as(parent)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.blocked.you"))));
		assertThat(messages(parent)).isEqualTo(before);
		// the teacher may still write; unblocking lets the guardian answer again
		mvc.perform(post("/messages/" + conversation).param("text", "Приходите на консультацию.").with(data.as(teacher)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/messages/" + conversation + "/unblock").with(data.as(teacher)).with(csrf()));
		mvc.perform(post("/messages/" + conversation).param("text", "Придём.").with(data.as(parent)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(messages(parent)).isEqualTo(before + 1);
	}

	@Test
	void aStudentCannotBlockTheirTeacher() throws Exception {
		long conversation = write(teacher, pupil, Role.STUDENT, "Принеси тетрадь.");
		mvc.perform(post("/messages/" + conversation + "/block").with(data.as(pupil)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(db.sql("select count(*) from messaging_block where blocker_account_id = :a").param("a", pupil.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aReportedMessageIsShownToTheSchoolsAdministrationOnly() throws Exception {
		long conversation = write(teacher, parent, Role.GUARDIAN, "Грубое сообщение");
		long message = db.sql("select id from messaging_message where conversation_id = :c").param("c", conversation)
			.query(Long.class).single();
		mvc.perform(post("/messages/m/" + message + "/report").param("reason", "").with(data.as(parent)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/messages/m/" + message + "/report").param("reason", "Оскорбление").with(data.as(otherParent)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/messages/m/" + message + "/report").param("reason", "Сам на себя").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(db.sql("select count(*) from messaging_report where message_id = :m").param("m", message).query(Long.class).single()).isZero();
		mvc.perform(post("/messages/m/" + message + "/report").param("reason", "Оскорбление").with(data.as(parent)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/messages/reports").with(data.as(admin)))
			.andExpect(content().string(containsString("Грубое сообщение")))
			.andExpect(content().string(containsString("Оскорбление")));
		mvc.perform(get("/messages/reports").with(data.as(foreignAdmin)))
			.andExpect(content().string(not(containsString("Грубое сообщение"))));
		mvc.perform(get("/messages/reports").with(data.as(teacher))).andExpect(status().isForbidden());
	}

	@Test
	void searchFindsOnlyOnesOwnMessages() throws Exception {
		write(parent, teacher, Role.TEACHER, "Вопрос про олимпиаду по математике");
		write(otherParent, otherTeacher, Role.TEACHER, "Другая олимпиада у чужих");
		mvc.perform(get("/messages").param("q", "ОЛИМПИАД").with(data.as(parent)))
			.andExpect(content().string(containsString("Вопрос про олимпиаду")))
			.andExpect(content().string(not(containsString("у чужих"))));
		mvc.perform(get("/messages").param("q", "%_").with(data.as(parent)))
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.search.none"))))
			.andExpect(content().string(not(containsString("олимпиаду"))));
	}

	@Test
	void theInboxAndAConversationRunAConstantNumberOfStatements() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Первое");
		int inboxSmall = StatementCounter.count(() -> mvc.perform(get("/messages").with(data.as(teacher))).andExpect(status().isOk()));
		int pageSmall = StatementCounter.count(() -> mvc.perform(get("/messages/" + conversation).with(data.as(teacher))).andExpect(status().isOk()));
		for (int i = 0; i < 15; i++) {
			write(parent, teacher, Role.TEACHER, "Ещё сообщение " + i);
			write(teacher, otherTeacher, Role.TEACHER, "Коллеге " + i);
		}
		mvc.perform(multipart("/messages/" + conversation).file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
			.param("text", "С файлом").with(data.as(teacher)).with(csrf()));
		write(classTeacher, teacher, Role.TEACHER, "Совещание в пятницу");
		write(pupil, teacher, Role.TEACHER, "Здравствуйте");
		// like the first time, the conversation opens with something unread (reading it reads its notifications too)
		write(parent, teacher, Role.TEACHER, "Последнее");
		int inboxLarge = StatementCounter.count(() -> mvc.perform(get("/messages").with(data.as(teacher))).andExpect(status().isOk()));
		int pageLarge = StatementCounter.count(() -> mvc.perform(get("/messages/" + conversation).with(data.as(teacher))).andExpect(status().isOk()));
		assertThat(inboxLarge).isEqualTo(inboxSmall);
		assertThat(pageLarge).isEqualTo(pageSmall);
	}

	@Test
	void aRelationThatEndedStopsReplies() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Вопрос");
		db.sql("delete from school_teaching_assignment where staff_id = (select person_id from identity_role_grant where account_id = :a)")
			.param("a", teacher.id()).update();
		mvc.perform(post("/messages/" + conversation).param("text", "Ещё вопрос").with(data.as(parent)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(messages(parent)).isEqualTo(1);
	}

	static int gzipped(byte[] body) throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
			gz.write(body);
		}
		return out.size();
	}

	@Test
	void thePickerOfATeacherWithAHundredFiftyFamiliesAndTheInboxStayWithinFifteenKilobytesGzipped() throws Exception {
		data.guardianAccounts(school, classA, 150);
		byte[] picker = mvc.perform(get("/messages/new").with(data.as(teacher))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(picker, StandardCharsets.UTF_8)).contains(I18n.msg(Locale.ROOT, "messaging.relation.STUDENT_GUARDIAN"));
		assertThat(gzipped(picker)).as("gzipped picker").isLessThan(15 * 1024);
		for (int i = 0; i < 30; i++) {
			write(teacher, otherTeacher, Role.TEACHER, "Длинное сообщение коллеге номер " + i + " ".repeat(10) + "о расписании и кабинетах на следующую неделю");
		}
		byte[] inbox = mvc.perform(get("/messages").with(data.as(otherTeacher))).andReturn().getResponse().getContentAsByteArray();
		assertThat(gzipped(inbox)).as("gzipped inbox").isLessThan(15 * 1024);
	}

	@Test
	void aFileOverTenMegabytesOrARequestOverTheServletLimitIsRefusedWithAMessage() throws Exception {
		byte[] big = new byte[(int) ru.eschool.shared.FileStore.MAX_BYTES + 1];
		big[0] = '%'; big[1] = 'P'; big[2] = 'D'; big[3] = 'F';
		mvc.perform(multipart("/messages").file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
			.param("to", to(teacher, Role.TEACHER)).param("text", "Большой файл").with(data.as(parent)).with(csrf()))
			.andExpect(content().string(containsString(I18n.msg(Locale.forLanguageTag("ru"), "messaging.file.TOO_BIG", "big.pdf", 10))));
		mvc.perform(post("/messages").content(new byte[32 * 1024 * 1024]).contentType("multipart/form-data; boundary=x")
			.with(data.as(parent)))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/messages/new?tooBig=1"));
		mvc.perform(get("/messages/new?tooBig=1").with(data.as(parent)))
			.andExpect(content().string(containsString(I18n.msg(Locale.forLanguageTag("ru"), "messaging.request.tooBig", 31))));
		assertThat(messages(parent)).isZero();
	}

	// ---- review: relations that ended, conversations across schools, roles that were taken away

	@Test
	void aGuardianWhoseChildrenLeftTheSchoolNoLongerWritesToItsAdministration() throws Exception {
		long conversation = write(parent, admin, Role.SCHOOL_ADMIN, "Вопрос администрации");
		db.sql("""
				update school_enrolment set left_on = :d, leave_reason = 'TRANSFERRED' where left_on is null and student_id in (
				  select gs.student_id from school_guardianship gs
				  join identity_role_grant g on g.person_id = gs.guardian_id and g.role = 'GUARDIAN' where g.account_id = :a)""")
			.param("d", java.time.LocalDate.of(2026, 10, 1)).param("a", parent.id()).update();
		mvc.perform(get("/messages/new").with(data.as(parent)))
			.andExpect(content().string(not(containsString("value=\"" + to(admin, Role.SCHOOL_ADMIN) + "\""))));
		mvc.perform(post("/messages").param("to", to(admin, Role.SCHOOL_ADMIN)).param("text", "Ещё вопрос")
			.with(data.as(parent)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/messages/" + conversation).param("text", "Ещё вопрос").with(data.as(parent)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(messages(parent)).isEqualTo(1);
		// the history stays readable
		mvc.perform(get("/messages/" + conversation).with(data.as(parent))).andExpect(status().isOk());
	}

	@Test
	void theAdministrationAnswersAFamilyOfTheSchoolUntilItsChildrenLeave() throws Exception {
		data.guardianAccounts(school, classA, 40);
		long conversation = write(parent, admin, Role.SCHOOL_ADMIN, "Вопрос администрации");
		// the check reads the one family it answers, not every family of the school
		long adminStaff = personOf(admin);
		long mother = personOf(parent);
		assertThat(correspondents.of(Role.SCHOOL_ADMIN, school.id(), adminStaff)).hasSizeGreaterThan(40);
		assertThat(correspondents.withPerson(Role.SCHOOL_ADMIN, school.id(), adminStaff, mother))
			.singleElement().matches(c -> c.personId() == mother && c.relation() == Correspondents.Relation.SCHOOL_GUARDIAN);
		mvc.perform(post("/messages/" + conversation).param("text", "Ответ").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(messages(admin)).isEqualTo(1);
		db.sql("""
				update school_enrolment set left_on = :d, leave_reason = 'TRANSFERRED' where left_on is null and student_id in (
				  select gs.student_id from school_guardianship gs
				  join identity_role_grant g on g.person_id = gs.guardian_id and g.role = 'GUARDIAN' where g.account_id = :a)""")
			.param("d", java.time.LocalDate.of(2026, 10, 1)).param("a", parent.id()).update();
		mvc.perform(post("/messages/" + conversation).param("text", "Ещё ответ").with(data.as(admin)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(messages(admin)).isEqualTo(1);
	}

	@Test
	void aStudentWhoMovedToAnotherSchoolStartsANewConversationThereThatTheTeacherCanAnswer() throws Exception {
		// a teacher working in two schools; a student with a record (and a grant) in each
		School second = data.school();
		long mathA = data.subject(school, "Физика");
		long mathB = data.subject(second, "Физика");
		long classB = data.schoolClass(second, 5, "В");
		long tA = data.staff(school, "Совместитель", "Игорь", "TEACHER");
		long tB = data.staff(second, "Совместитель", "Игорь", "TEACHER");
		data.assign(tA, mathA, classA);
		data.assign(tB, mathB, classB);
		Account both = data.account("Совместитель Игорь", TestData.grant(Role.TEACHER, school, tA),
				TestData.grant(Role.TEACHER, second, tB));
		long sA = data.student(school, classA, "Переходов", "Коля");
		long sB = data.student(second, classB, "Переходов", "Коля");
		Account mover = data.account("Переходов Коля", TestData.grant(Role.STUDENT, school, sA),
				TestData.grant(Role.STUDENT, second, sB));
		long first = write(mover, both, Role.TEACHER, "Вопрос в старой школе");
		db.sql("update school_enrolment set left_on = :d, leave_reason = 'TRANSFERRED' where student_id = :s")
			.param("d", java.time.LocalDate.of(2026, 10, 1)).param("s", sA).update();

		String location = mvc.perform(post("/messages").param("to", to(both, Role.TEACHER)).param("text", "Вопрос в новой школе")
			.with(data.asWithGrants(mover, Role.STUDENT, second, sB)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long next = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(next).isNotEqualTo(first);
		assertThat(db.sql("select institution_id from messaging_conversation where id = :c").param("c", next)
			.query(Long.class).single()).isEqualTo(second.id());
		mvc.perform(post("/messages/" + next).param("text", "Отвечаю в новой школе")
			.with(data.asWithGrants(both, Role.TEACHER, second, tB)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(messages(both)).isEqualTo(1);
	}

	@Test
	void aStaffMemberWhoseRoleWasTakenAwayNoLongerRepliesInItsConversationsFromAnotherRole() throws Exception {
		// a teacher who is also a guardian of a student of the school
		long staffId = data.staff(school, "Мамина", "Светлана", "TEACHER");
		long child = data.student(school, classA, "Мамин", "Лёва");
		Account teacherMother = data.account("Мамина Светлана", TestData.grant(Role.TEACHER, school, staffId),
				TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Мамина", "Светлана", child)));
		long conversation = write(teacherMother, otherTeacher, Role.TEACHER, "Коллега, вопрос о расписании");
		// deactivated (the teacher role goes), then made active again without an account in that role
		mvc.perform(post("/admin/staff/" + staffId + "/deactivate").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/staff/" + staffId + "/activate").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/messages/" + conversation).param("text", "Пишу как учитель, хоть и без роли")
			.with(data.as(teacherMother)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(messages(teacherMother)).isEqualTo(1);
		mvc.perform(get("/messages/" + conversation).with(data.as(teacherMother))).andExpect(status().isOk());
	}

	@Test
	void aLongConversationShowsItsLatestHundredMessagesAndLinksToEarlierOnes() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Сообщение 0");
		for (int i = 1; i < 130; i++) {
			db.sql("""
					insert into messaging_message (conversation_id, sender_account_id, body, created_at)
					values (:c, :a, :b, :t)""").param("c", conversation).param("a", parent.id()).param("b", "Сообщение " + i)
				.param("t", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
		}
		String latest = mvc.perform(get("/messages/" + conversation).with(data.as(teacher))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(latest).contains(">Сообщение 129<", ">Сообщение 30<").doesNotContain(">Сообщение 29<")
			.contains(I18n.msg(Locale.ROOT, "messaging.earlier"));
		long thirtieth = db.sql("select id from messaging_message where conversation_id = :c and body = 'Сообщение 30'")
			.param("c", conversation).query(Long.class).single();
		assertThat(latest).contains("href=\"/messages/" + conversation + "?before=" + thirtieth + "\"");
		String earlier = mvc.perform(get("/messages/" + conversation).param("before", String.valueOf(thirtieth))
			.with(data.as(teacher))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(earlier).contains(">Сообщение 0<", ">Сообщение 29<").doesNotContain(">Сообщение 30<")
			.doesNotContain(I18n.msg(Locale.ROOT, "messaging.earlier"));
		// another account's "before" shows nothing of it
		mvc.perform(get("/messages/" + conversation).param("before", String.valueOf(thirtieth)).with(data.as(otherParent)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAttachmentsNameLosesDirectionOverridesThatDisguiseItsType() throws Exception {
		mvc.perform(multipart("/messages").file(new MockMultipartFile("file", "отчёт\u202Eexe.txt", "text/plain",
				"текст".getBytes(StandardCharsets.UTF_8)))
			.param("to", to(teacher, Role.TEACHER)).param("text", "Отчёт во вложении").with(data.as(parent)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long file = db.sql("""
				select f.id from messaging_attachment f join messaging_message m on m.id = f.message_id where m.sender_account_id = :a""")
			.param("a", parent.id()).query(Long.class).single();
		assertThat(db.sql("select name from messaging_attachment where id = :f").param("f", file).query(String.class).single())
			.isEqualTo("отчётexe.txt");
		mvc.perform(get("/messages/files/" + file).with(data.as(teacher)))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", not(containsString("%E2%80%AE"))));
	}

	@Test
	void aNulCharacterInTypedTextIsDroppedSoTheTextSavesOnEveryDatabase() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Первая строка\u0000вторая");
		assertThat(db.sql("select body from messaging_message where conversation_id = :c").param("c", conversation)
			.query(String.class).single()).isEqualTo("Первая строкавторая");
		long message = db.sql("select id from messaging_message where conversation_id = :c").param("c", conversation)
			.query(Long.class).single();
		mvc.perform(post("/messages/m/" + message + "/report").param("reason", "Спам\u0000").with(data.as(teacher)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("select reason from messaging_report where message_id = :m").param("m", message)
			.query(String.class).single()).isEqualTo("Спам");
		mvc.perform(get("/messages").param("q", "строка\u0000").with(data.as(parent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Первая строкавторая")));
	}

	@Test
	void anHtmxReplyAfterTheRelationEndedSaysSoInTheThreadAndStoresNothing() throws Exception {
		long conversation = write(parent, teacher, Role.TEACHER, "Вопрос");
		db.sql("delete from school_teaching_assignment where staff_id = (select person_id from identity_role_grant where account_id = :a)")
			.param("a", teacher.id()).update();
		mvc.perform(post("/messages/" + conversation).param("text", "Ещё вопрос").header("HX-Request", "true")
			.with(data.as(parent)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(I18n.msg(Locale.ROOT, "messaging.ended"))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(messages(parent)).isEqualTo(1);
	}

	@Test
	void searchHitsShowTheStartOfLongMessagesOnly() throws Exception {
		write(parent, teacher, Role.TEACHER, "Олимпиада: " + "подробности ".repeat(330));
		String page = mvc.perform(get("/messages").param("q", "олимпиада").with(data.as(parent))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Олимпиада: подробности").doesNotContain("подробности ".repeat(30));
	}
}
