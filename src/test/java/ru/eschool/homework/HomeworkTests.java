package ru.eschool.homework;

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
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * Homework from the lesson's teacher to the class: validation with a message per field and nothing
 * saved, only the lesson's teacher or substitute sets it, students of the class mark it done and
 * hand in, files go only to people who may see the class, and setting it publishes HomeworkAssigned.
 */
@EschoolTest
@RecordApplicationEvents
class HomeworkTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);
	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEvents events;

	School school;
	long classA;
	long lesson;
	long nextLesson;
	long student;
	Account teacher;
	Account otherTeacher;
	Account substitute;
	Account pupil;
	Account outsider;
	Account parent;
	Account otherParent;
	Account otherAdmin;

	@BeforeEach
	void setUp() {
		school = data.school();
		classA = data.schoolClass(school, 5, "А");
		long classB = data.schoolClass(school, 5, "Б");
		long math = data.subject(school, "Математика");
		long t = data.staff(school, "Учителева", "Анна", "TEACHER");
		long t2 = data.staff(school, "Другова", "Вера", "TEACHER");
		long sub = data.staff(school, "Заменова", "Ольга", "TEACHER");
		data.assign(t, math, classA);
		data.assign(t2, math, classB);
		teacher = data.account("Учителева Анна", TestData.grant(Role.TEACHER, school, t));
		otherTeacher = data.account("Другова Вера", TestData.grant(Role.TEACHER, school, t2));
		substitute = data.account("Заменова Ольга", TestData.grant(Role.TEACHER, school, sub));
		lesson = data.lesson(school, classA, null, math, t, MONDAY, 1);
		nextLesson = data.lesson(school, classA, null, math, t, MONDAY.plusDays(2), 2);
		data.substitute(nextLesson, sub, "болезнь");
		student = data.student(school, classA, "Ученикова", "Маша");
		long other = data.student(school, classB, "Чужов", "Петя");
		pupil = data.account("Ученикова Маша", TestData.grant(Role.STUDENT, school, student));
		outsider = data.account("Чужов Петя", TestData.grant(Role.STUDENT, school, other));
		parent = data.account("Ученикова Ирина", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Ученикова", "Ирина", student)));
		otherParent = data.account("Чужова Ира", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Чужова", "Ира", other)));
		otherAdmin = data.schoolAdmin(data.school());
	}

	@Test
	void aSubstituteFindsTheLessonTheyStandInForAmongTheirLessonsOfTheWeek() throws Exception {
		mvc.perform(get("/homework?week=" + MONDAY).with(data.as(substitute)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/homework/lessons/" + nextLesson + "\"")))
			.andExpect(content().string(not(containsString("/homework/lessons/" + lesson + "\""))));
		mvc.perform(get("/homework?week=" + MONDAY).with(data.as(teacher)))
			.andExpect(content().string(containsString("/homework/lessons/" + lesson + "\"")));
	}

	private long assignments() {
		return db.sql("select count(*) from homework_assignment where lesson_id = :l").param("l", lesson).query(Long.class).single();
	}

	private long setHomework(boolean handIn) throws Exception {
		mvc.perform(multipart("/homework/lessons/" + lesson).file(new MockMultipartFile("files", "task.pdf", "application/pdf", PDF))
			.param("text", "№ 12, 14").param("links", "https://example.org/fractions").param("handIn", String.valueOf(handIn))
			.with(data.as(teacher)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		return db.sql("select id from homework_assignment where lesson_id = :l").param("l", lesson).query(Long.class).single();
	}

	@Test
	void theTeacherSetsHomeworkDueAtTheNextLessonAndHomeworkAssignedIsPublished() throws Exception {
		long id = setHomework(false);
		var row = db.sql("select due_lesson_id, due_on, body from homework_assignment where id = :id").param("id", id)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3) }).single();
		assertThat(row[0]).isEqualTo(nextLesson);
		assertThat(row[1]).isEqualTo(MONDAY.plusDays(2));
		assertThat(row[2]).isEqualTo("№ 12, 14");
		assertThat(db.sql("select count(*) from homework_file where assignment_id = :a").param("a", id).query(Long.class).single()).isEqualTo(1);
		assertThat(events.stream(HomeworkAssigned.class).filter(e -> e.lessonId() == lesson))
			.singleElement().satisfies(e -> {
				assertThat(e.assignmentId()).isEqualTo(id);
				assertThat(e.classId()).isEqualTo(classA);
				assertThat(e.dueOn()).isEqualTo(MONDAY.plusDays(2));
			});
		mvc.perform(get("/homework/lessons/" + lesson).with(data.as(teacher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("https://example.org/fractions")))
			.andExpect(content().string(containsString("task.pdf")));
	}

	@Test
	void aBadLinkIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
		mvc.perform(multipart("/homework/lessons/" + lesson).param("text", "№ 1").param("links", "javascript:alert(1)")
			.with(data.as(teacher)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Это не ссылка http:// или https://: javascript:alert(1)")));
		assertThat(assignments()).isZero();
		assertThat(events.stream(HomeworkAssigned.class).filter(e -> e.lessonId() == lesson)).isEmpty();
	}

	@Test
	void aFileOfAnotherTypeIsRefusedEvenWhenRenamed() throws Exception {
		mvc.perform(multipart("/homework/lessons/" + lesson).file(new MockMultipartFile("files", "game.exe", "application/octet-stream", new byte[] { 'M', 'Z', 1 }))
			.param("text", "№ 1").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Файл «game.exe» такого типа не принимается")));
		mvc.perform(multipart("/homework/lessons/" + lesson).file(new MockMultipartFile("files", "game.pdf", "application/pdf", new byte[] { 'M', 'Z', 1 }))
			.param("text", "№ 1").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Файл «game.pdf» такого типа не принимается")));
		assertThat(assignments()).isZero();
	}

	@Test
	void aFileOverTenMegabytesIsRefusedWithAMessage() throws Exception {
		byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
		mvc.perform(multipart("/homework/lessons/" + lesson).file(new MockMultipartFile("files", "big.pdf", "application/pdf", big))
			.param("text", "№ 1").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Файл «big.pdf» больше 10 МБ.")));
		assertThat(assignments()).isZero();
	}

	@Test
	void emptyTextIsRefusedWithAMessage() throws Exception {
		mvc.perform(multipart("/homework/lessons/" + lesson).param("text", "  ").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Напишите, что задано.")));
		assertThat(assignments()).isZero();
	}

	@Test
	void onlyTheLessonsTeacherOrSubstituteSetsHomework() throws Exception {
		mvc.perform(get("/homework/lessons/" + lesson).with(data.as(otherTeacher))).andExpect(status().isNotFound());
		mvc.perform(multipart("/homework/lessons/" + lesson).param("text", "№ 1").with(data.as(otherTeacher)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/homework/lessons/" + lesson).param("text", "№ 1").with(data.as(pupil)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/homework/lessons/" + lesson).with(data.as(otherAdmin))).andExpect(status().isForbidden());
		assertThat(assignments()).isZero();
		// the substitute of the next lesson sets homework there
		mvc.perform(multipart("/homework/lessons/" + nextLesson).param("text", "№ 2").param("dueOn", "2026-10-12")
			.with(data.as(substitute)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("select count(*) from homework_assignment where lesson_id = :l").param("l", nextLesson)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aStudentOfTheClassMarksItDoneButNobodyElse() throws Exception {
		long id = setHomework(false);
		mvc.perform(post("/homework/" + id + "/done").param("done", "true").header("HX-Request", "true")
			.with(data.as(pupil)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-pressed=\"true\"")));
		mvc.perform(post("/homework/" + id + "/done").param("done", "true").with(data.as(outsider)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/homework/" + id + "/done").param("done", "true").with(data.as(parent)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(db.sql("select student_id from homework_done where assignment_id = :a").param("a", id).query(Long.class).list())
			.containsExactly(student);
		mvc.perform(post("/homework/" + id + "/done").param("done", "false").with(data.as(pupil)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(db.sql("select count(*) from homework_done where assignment_id = :a").param("a", id).query(Long.class).single()).isZero();
	}

	@Test
	void aStudentHandsInAndTheTeacherSeesAndMarksIt() throws Exception {
		long id = setHomework(true);
		mvc.perform(multipart("/homework/" + id + "/hand-in").file(new MockMultipartFile("file", "answer.txt", "text/plain", "x = 4".getBytes(StandardCharsets.UTF_8)))
			.param("text", "Ответ: 4").with(data.as(pupil)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(multipart("/homework/" + id + "/hand-in").param("text", "Ответ: 5").with(data.as(outsider)).with(csrf()))
			.andExpect(status().isNotFound());
		long handIn = db.sql("select id from homework_hand_in where assignment_id = :a").param("a", id).query(Long.class).single();
		mvc.perform(get("/homework/lessons/" + lesson).with(data.as(teacher)))
			.andExpect(content().string(containsString("Ученикова М.")))
			.andExpect(content().string(containsString("Ответ: 4")))
			.andExpect(content().string(containsString("answer.txt")));
		mvc.perform(post("/homework/lessons/" + lesson + "/hand-ins/" + handIn + "/mark").param("mark", "6")
			.with(data.as(teacher)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(db.sql("select mark from homework_hand_in where id = :id").param("id", handIn).query(Integer.class).optional()).isEmpty();
		mvc.perform(post("/homework/lessons/" + lesson + "/hand-ins/" + handIn + "/mark").param("mark", "5")
			.with(data.as(otherTeacher)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/homework/lessons/" + lesson + "/hand-ins/" + handIn + "/mark").param("mark", "5").param("comment", "Молодец")
			.with(data.as(teacher)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(db.sql("select mark from homework_hand_in where id = :id").param("id", handIn).query(Integer.class).single()).isEqualTo(5);
		mvc.perform(get("/homework/" + id).with(data.as(pupil)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Молодец")));
		// a marked answer is not changed any more
		mvc.perform(multipart("/homework/" + id + "/hand-in").param("text", "Другой ответ").with(data.as(pupil)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ответ уже оценён")));
		mvc.perform(get("/homework/hand-ins/" + handIn + "/file").with(data.as(teacher))).andExpect(status().isOk());
		mvc.perform(get("/homework/hand-ins/" + handIn + "/file").with(data.as(parent))).andExpect(status().isOk());
		mvc.perform(get("/homework/hand-ins/" + handIn + "/file").with(data.as(outsider))).andExpect(status().isNotFound());
		mvc.perform(get("/homework/hand-ins/" + handIn + "/file").with(data.as(otherTeacher))).andExpect(status().isNotFound());
	}

	@Test
	void filesGoOnlyToPeopleWhoMaySeeTheClassAndAlwaysAsAttachments() throws Exception {
		long id = setHomework(false);
		long file = db.sql("select id from homework_file where assignment_id = :a").param("a", id).query(Long.class).single();
		mvc.perform(get("/homework/files/" + file).with(data.as(pupil)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(content().bytes(PDF));
		mvc.perform(get("/homework/files/" + file).with(data.as(parent))).andExpect(status().isOk());
		mvc.perform(get("/homework/files/" + file).with(data.as(outsider))).andExpect(status().isNotFound());
		mvc.perform(get("/homework/files/" + file).with(data.as(otherParent))).andExpect(status().isNotFound());
		mvc.perform(get("/homework/files/" + file).with(data.as(otherTeacher))).andExpect(status().isNotFound());
		mvc.perform(get("/homework/files/" + file).with(data.as(otherAdmin))).andExpect(status().isNotFound());
	}
}
