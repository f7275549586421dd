package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

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
import ru.eschool.gradebook.internal.WorkTypes;
import ru.eschool.gradebook.internal.WorkTypes.WorkType;
import ru.eschool.shared.Role;

/**
 * A type of work per mark in a cell: a code typed after the mark ("5 4к") gives that mark its own
 * type and weight; without a code a mark takes the lesson's type; the cell shows the codes back.
 */
@EschoolTest
@RecordApplicationEvents
class CellWorkTypeTests {

	static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired ApplicationEvents events;

	School school;
	long fiveA;
	long math;
	Account teacher;
	long ivanov;
	long lesson;

	@BeforeEach
	void setUp() {
		school = data.school();
		fiveA = data.schoolClass(school, 5, "А");
		math = data.subject(school, "Математика");
		long teacherId = data.staff(school, "Смирнова", "Ольга", "TEACHER");
		teacher = data.account("Смирнова Ольга", TestData.grant(Role.TEACHER, school, teacherId));
		data.assign(teacherId, math, fiveA);
		data.studyPeriod(school, 1, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 25));
		ivanov = data.student(school, fiveA, "Иванов", "Пётр");
		lesson = data.lesson(school, fiveA, null, math, teacherId, MONDAY, 1);
	}

	MockHttpServletRequestBuilder cell(int version, String typed) {
		return post("/journal/cell").with(data.as(teacher)).with(csrf()).header("HX-Request", "true")
			.param("c", lesson + "." + ivanov + "." + version).param("v", typed);
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	List<String> stored() {
		return db.sql("""
				select m.mark_value || ':' || w.weight from gradebook_mark m join gradebook_work_type w on w.id = m.work_type_id
				where m.lesson_id = :l and m.student_id = :s order by m.position""").param("l", lesson).param("s", ivanov)
			.query(String.class).list();
	}

	long history() {
		return db.sql("select count(*) from gradebook_mark_history where student_id = :s").param("s", ivanov)
			.query(Long.class).single();
	}

	@Test
	void theDefaultTypesGetShortDistinctCodes() {
		List<String> names = List.of("Ответ на уроке", "Домашняя работа", "Самостоятельная работа", "Проверочная работа",
				"Диктант", "Лабораторная работа", "Контрольная работа");
		List<WorkType> types = new java.util.ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			types.add(new WorkType(i + 1, names.get(i), 1, i + 1));
		}
		assertThat(WorkTypes.codes(types).values()).containsExactly("о", "до", "с", "п", "ди", "л", "к");
		// a name that starts another name keeps its whole (compact) name
		assertThat(WorkTypes.codes(List.of(new WorkType(1, "Тест", 1, 1), new WorkType(2, "Тест 2", 2, 2))).values())
			.containsExactly("тест", "тест2");
	}

	@Test
	void eachMarkOfACellCanCarryItsOwnTypeOfWork() throws Exception {
		assertThat(body(get("/journal/" + fiveA + "/" + math).with(data.as(teacher)))).contains("Коды типов работ:",
				"<b>к</b> Контрольная работа (3)");
		String response = body(cell(0, "5 4к н"));
		assertThat(response).contains("value=\"5 4к н\"").doesNotContain("role=\"alert\"");
		assertThat(stored()).containsExactly("5:1", "4:3");
		assertThat(events.stream(MarkPosted.class).map(MarkPosted::weight)).containsExactly(1, 3);
		// the same text again changes nothing
		long before = history();
		body(cell(1, "5 4к н"));
		assertThat(history()).isEqualTo(before);
		// the code removed: the second mark takes the lesson's type again, and the history says so
		body(cell(2, "5 4 н"));
		assertThat(stored()).containsExactly("5:1", "4:1");
		assertThat(history()).isEqualTo(before + 1);
		// codes are read in either case; "д" alone is ambiguous (домашняя, диктант), so "до" and "ди"
		assertThat(body(cell(3, "5д"))).contains("role=\"alert\"");
		body(cell(3, "5до 3Ди"));
		assertThat(stored()).containsExactly("5:1", "3:2");
		assertThat(body(get("/journal/" + fiveA + "/" + math).with(data.as(teacher)))).contains("value=\"5до 3ди\"");
	}

	@Test
	void anUnknownCodeIsRefusedWithAMessageAndChangesNothing() throws Exception {
		body(cell(0, "5"));
		assertThat(body(cell(1, "5 4щ"))).contains("role=\"alert\"", "нет типа работы с кодом «щ»");
		assertThat(stored()).containsExactly("5:1");
		assertThat(body(cell(1, "6к"))).contains("role=\"alert\"");
		assertThat(stored()).containsExactly("5:1");
	}
}
