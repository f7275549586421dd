package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;
import ru.eschool.timetable.LessonChanged.Kind;

/**
 * Changes to dated lessons: each kind needs a reason, is written to the lesson's history and
 * published as LessonChanged; clashes and stale forms are refused; only the school's admin may.
 */
@EschoolTest
@RecordApplicationEvents
class LessonChangeTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired Lessons lessons;
	@Autowired ApplicationEvents events;

	TimetableMother mother;
	School school;
	Account admin;
	long adminStaff;
	long fiveA;
	long fiveB;
	long math;
	long ivanova;
	long petrova;
	long lesson;
	LocalDate monday = TimetableMother.MONDAY;

	@BeforeEach
	void setUp() {
		mother = new TimetableMother(db, data);
		school = mother.school();
		adminStaff = data.staff(school, "Завуч", "Ольга", "DEPUTY");
		admin = data.account("Завуч", TestData.grant(Role.SCHOOL_ADMIN, school, adminStaff));
		fiveA = data.schoolClass(school, 5, "А");
		fiveB = data.schoolClass(school, 5, "Б");
		math = data.subject(school, "Математика");
		ivanova = mother.teacher(school, "Иванова");
		petrova = mother.teacher(school, "Петрова");
		lesson = mother.lesson(school, fiveA, null, monday, 1, math, ivanova, "201");
	}

	MockHttpServletRequestBuilder change(long lessonId, String kind, int version, String... params) {
		MockHttpServletRequestBuilder request = post("/admin/timetable/lessons/" + lessonId + "/" + kind)
			.with(data.as(admin)).with(csrf()).param("version", String.valueOf(version));
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request;
	}

	Document refused(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	List<Map<String, Object>> history(long lessonId) {
		return db.sql("select kind, old_value, new_value, reason, changed_by from timetable_lesson_change where lesson_id = :l order by id")
			.param("l", lessonId).query().listOfRows();
	}

	LessonChanged published() {
		List<LessonChanged> published = events.stream(LessonChanged.class).toList();
		assertThat(published).hasSize(1);
		return published.get(0);
	}

	Lesson now() {
		return lessons.find(lesson).orElseThrow();
	}

	@Test
	void aSubstituteIsRecordedPublishedAndHighlightedInBothWeeks() throws Exception {
		mvc.perform(change(lesson, "substitute", 0, "substituteId", String.valueOf(petrova), "reason", "Курсы"))
			.andExpect(redirectedUrl("/admin/timetable/lessons/" + lesson));
		assertThat(now().substituteId()).isEqualTo(petrova);
		assertThat(now().actualTeacherId()).isEqualTo(petrova);
		assertThat(now().version()).isEqualTo(1);
		assertThat(history(lesson)).singleElement().satisfies(h -> {
			assertThat(h.get("kind")).isEqualTo("SUBSTITUTE");
			assertThat(h.get("old_value")).isEqualTo(String.valueOf(ivanova));
			assertThat(h.get("new_value")).isEqualTo(String.valueOf(petrova));
			assertThat(h.get("reason")).isEqualTo("Курсы");
			assertThat(((Number) h.get("changed_by")).longValue()).isEqualTo(adminStaff);
		});
		LessonChanged event = published();
		assertThat(event.kind()).isEqualTo(Kind.SUBSTITUTE);
		assertThat(event.lessonId()).isEqualTo(lesson);
		assertThat(event.classId()).isEqualTo(fiveA);
		assertThat(event.reason()).isEqualTo("Курсы");
		// the substitute sees it in their week, highlighted; so does the class week
		Account substitute = mother.teacherAccount(school, petrova);
		Document mine = Jsoup.parse(mvc.perform(get("/timetable").param("week", monday.toString()).with(data.as(substitute)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(mine.select("li.lesson.changed").text()).contains("Математика").contains("5А").contains("Иванова");
		Account planned = mother.teacherAccount(school, ivanova);
		Document theirs = Jsoup.parse(mvc.perform(get("/timetable").param("week", monday.toString()).with(data.as(planned)))
			.andReturn().getResponse().getContentAsString());
		assertThat(theirs.select("li.lesson.changed").text()).contains("Петрова");
		Document week = Jsoup.parse(mvc.perform(get("/timetable/classes/" + fiveA).param("week", monday.plusDays(2).toString())
			.with(data.as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(week.select("li.lesson.changed").text()).contains("Петрова").contains("Курсы");
		// the lesson page shows the history with names
		Document page = Jsoup.parse(mvc.perform(get("/admin/timetable/lessons/" + lesson).with(data.as(admin)))
			.andReturn().getResponse().getContentAsString());
		assertThat(page.select("table tbody tr").text()).contains("Иванова").contains("Петрова").contains("Курсы")
			.contains("Завуч");
	}

	@Test
	void aCancelledLessonStaysOnRecordWithItsReason() throws Exception {
		mvc.perform(change(lesson, "cancel", 0, "reason", "Карантин")).andExpect(status().is3xxRedirection());
		assertThat(now().cancelled()).isTrue();
		assertThat(now().changeReason()).isEqualTo("Карантин");
		assertThat(history(lesson)).singleElement().satisfies(h -> assertThat(h.get("kind")).isEqualTo("CANCEL"));
		assertThat(published().kind()).isEqualTo(Kind.CANCEL);
		Document week = Jsoup.parse(mvc.perform(get("/timetable/classes/" + fiveA).param("week", monday.toString())
			.with(data.as(admin))).andReturn().getResponse().getContentAsString());
		assertThat(week.select("li.lesson.changed.cancelled").text()).contains("Математика").contains("Карантин");
		// a cancelled lesson is not changed further
		assertThat(refused(change(lesson, "room", 1, "room", "305", "reason", "x")).select(".alert.err").text())
			.isNotEmpty();
	}

	@Test
	void aMovedLessonRemembersWhereItWas() throws Exception {
		LocalDate tuesday = monday.plusDays(1);
		mvc.perform(change(lesson, "move", 0, "date", tuesday.toString(), "slot", "1/4", "reason", "Экскурсия"))
			.andExpect(status().is3xxRedirection());
		Lesson moved = now();
		assertThat(moved.date()).isEqualTo(tuesday);
		assertThat(moved.number()).isEqualTo(4);
		assertThat(moved.startsAt()).hasToString("11:25");
		assertThat(moved.movedFromDate()).isEqualTo(monday);
		assertThat(moved.movedFromNumber()).isEqualTo(1);
		assertThat(history(lesson)).singleElement().satisfies(h -> {
			assertThat(h.get("kind")).isEqualTo("MOVE");
			assertThat(h.get("old_value")).isEqualTo(monday + " 1 1");
			assertThat(h.get("new_value")).isEqualTo(tuesday + " 1 4");
		});
		LessonChanged event = published();
		assertThat(event.kind()).isEqualTo(Kind.MOVE);
		assertThat(event.date()).isEqualTo(tuesday);
		// a holiday or a Sunday is no day to move to
		assertThat(refused(change(lesson, "move", 1, "date", TimetableMother.DAY_OFF.toString(), "slot", "1/1", "reason",
				"x")).select("#e-move-date").text()).isNotEmpty();
		assertThat(refused(change(lesson, "move", 1, "date", monday.plusDays(6).toString(), "slot", "1/1", "reason",
				"x")).select("#e-move-date").text()).isNotEmpty();
	}

	@Test
	void aRoomChangeIsRecordedAndPublished() throws Exception {
		mvc.perform(change(lesson, "room", 0, "room", "Актовый зал", "reason", "Ремонт")).andExpect(status().is3xxRedirection());
		assertThat(now().room()).isEqualTo("Актовый зал");
		assertThat(history(lesson)).singleElement().satisfies(h -> {
			assertThat(h.get("kind")).isEqualTo("ROOM");
			assertThat(h.get("old_value")).isEqualTo("201");
			assertThat(h.get("new_value")).isEqualTo("Актовый зал");
		});
		assertThat(published().kind()).isEqualTo(Kind.ROOM);
	}

	@Test
	void clashesAndMissingReasonsAreRefusedWithAMessageAndChangeNothing() throws Exception {
		long other = mother.lesson(school, fiveB, null, monday, 1, math, petrova, "305");
		mother.lesson(school, fiveA, null, monday, 2, math, petrova, "201");
		assertThat(refused(change(lesson, "substitute", 0, "substituteId", String.valueOf(petrova), "reason", "Курсы"))
			.select("#e-substitute-substituteId").text()).contains("Петрова").contains("5Б");
		assertThat(refused(change(lesson, "room", 0, "room", "305", "reason", "Ремонт")).select("#e-room-room").text())
			.contains("305").contains("5Б");
		assertThat(refused(change(lesson, "move", 0, "date", monday.toString(), "slot", "1/2", "reason", "x"))
			.select("#e-move-slot").text()).contains("5А");
		assertThat(refused(change(lesson, "cancel", 0, "reason", " ")).select("#e-cancel-reason").text()).isNotEmpty();
		assertThat(history(lesson)).isEmpty();
		assertThat(events.stream(LessonChanged.class)).isEmpty();
		assertThat(now().version()).isZero();
		assertThat(lessons.find(other).orElseThrow().version()).isZero();
	}

	@Test
	void aStaleFormIsRefusedSoThatNobodyOverwritesAColleague() throws Exception {
		mvc.perform(change(lesson, "room", 0, "room", "305", "reason", "Ремонт")).andExpect(status().is3xxRedirection());
		Document page = refused(change(lesson, "room", 0, "room", "410", "reason", "Другое"));
		assertThat(page.select(".alert.err").text()).contains("изменил");
		assertThat(page.select("input[name=version]").first().val()).isEqualTo("1");
		assertThat(now().room()).isEqualTo("305");
		assertThat(history(lesson)).hasSize(1);
	}

	@Test
	void teachersAndOtherSchoolsCannotChangeLessons() throws Exception {
		Account teacher = mother.teacherAccount(school, ivanova);
		mvc.perform(get("/admin/timetable/lessons/" + lesson).with(data.as(teacher))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/timetable/lessons/" + lesson + "/cancel").with(data.as(teacher)).with(csrf())
			.param("version", "0").param("reason", "x")).andExpect(status().isForbidden());
		School other = mother.school();
		Account foreignAdmin = data.schoolAdmin(other);
		mvc.perform(get("/admin/timetable/lessons/" + lesson).with(data.as(foreignAdmin))).andExpect(status().isNotFound());
		for (String kind : List.of("cancel", "room", "move", "substitute")) {
			mvc.perform(post("/admin/timetable/lessons/" + lesson + "/" + kind).with(data.as(foreignAdmin)).with(csrf())
				.param("version", "0").param("reason", "x").param("room", "1").param("date", monday.toString())
				.param("slot", "1/3").param("substituteId", String.valueOf(petrova))).andExpect(status().isNotFound());
		}
		// a substitute from another school is not found either
		long stranger = mother.teacher(other, "Чужая");
		mvc.perform(change(lesson, "substitute", 0, "substituteId", String.valueOf(stranger), "reason", "x"))
			.andExpect(status().isNotFound());
		assertThat(now().version()).isZero();
		assertThat(history(lesson)).isEmpty();
	}

	@Test
	void weekPagesAreScopedByRoleAndSchool() throws Exception {
		long child = data.student(school, fiveA, "Иванов", "Петя");
		Account guardian = data.account("Мама", TestData.grant(Role.GUARDIAN, school, data.guardian(school, "Иванова", "Анна", child)));
		for (String page : List.of("/admin/timetable", "/admin/bells", "/admin/timetable/classes/" + fiveA,
				"/admin/timetable/lessons/" + lesson, "/timetable", "/timetable/classes/" + fiveA)) {
			mvc.perform(get(page).with(data.as(guardian))).andExpect(status().isForbidden());
		}
		School other = mother.school();
		Account foreignTeacher = mother.teacherAccount(other, mother.teacher(other, "Чужая"));
		mvc.perform(get("/timetable/classes/" + fiveA).with(data.as(foreignTeacher))).andExpect(status().isNotFound());
		Account ownTeacher = mother.teacherAccount(school, petrova);
		Document week = Jsoup.parse(mvc.perform(get("/timetable/classes/" + fiveA).param("week", monday.toString())
			.with(data.as(ownTeacher))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(week.select("li.lesson").text()).contains("Математика");
		assertThat(week.select("a[href^=/admin/timetable/lessons/]")).isEmpty();
	}
}
