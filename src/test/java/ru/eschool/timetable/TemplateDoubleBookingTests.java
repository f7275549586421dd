package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.timetable.internal.TemplateEntries;

/**
 * The database behind the weekly template's clash check: a teacher or a room booked twice in one
 * slot is refused by a unique index, and a double booking that slipped past the check (two admins
 * at the same moment: the check saw nothing) gets the same clear message and saves nothing.
 */
@EschoolTest
class TemplateDoubleBookingTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@MockitoSpyBean TemplateEntries entries;

	TimetableMother mother;
	School school;
	Account admin;
	long fiveA;
	long fiveB;
	long mathInFiveA;
	long mathInFiveB;
	long englishInFiveB;

	@BeforeEach
	void setUp() {
		mother = new TimetableMother(db, data);
		school = mother.school();
		admin = data.schoolAdmin(school);
		fiveA = data.schoolClass(school, 5, "А");
		fiveB = data.schoolClass(school, 5, "Б");
		long math = data.subject(school, "Математика");
		long english = data.subject(school, "Английский язык");
		long ivanova = mother.teacher(school, "Иванова");
		long petrova = mother.teacher(school, "Петрова");
		mathInFiveA = mother.assign(ivanova, math, fiveA, null);
		mathInFiveB = mother.assign(ivanova, math, fiveB, null);
		englishInFiveB = mother.assign(petrova, english, fiveB, null);
	}

	MockHttpServletRequestBuilder add(long classId, long assignment, String room) {
		return post("/admin/timetable/classes/" + classId + "/entries").with(data.as(admin)).with(csrf())
			.param("weekday", "2").param("slot", "1/3").param("assignmentId", String.valueOf(assignment))
			.param("room", room);
	}

	long lines(long classId) {
		return mother.count("select count(*) from timetable_template_entry where class_id = ?", classId);
	}

	/** The next check sees an empty slot, as when the other admin's insert was not yet committed. */
	void theCheckMissesTheOtherBooking() {
		doReturn(List.of()).doCallRealMethod().when(entries).overlapping(anyLong(), anyLong(), anyInt(), any(), any());
	}

	@Test
	void aTeacherBookedTwiceInASlotPastTheCheckIsRefusedWithTheUsualMessage() throws Exception {
		mvc.perform(add(fiveA, mathInFiveA, "201")).andExpect(status().is3xxRedirection());
		theCheckMissesTheOtherBooking();
		String page = mvc.perform(add(fiveB, mathInFiveB, "305")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("в это время уже ведёт урок", "5А");
		assertThat(lines(fiveB)).isZero();
		doCallRealMethod().when(entries).overlapping(anyLong(), anyLong(), anyInt(), any(), any());
	}

	@Test
	void aRoomBookedTwiceInASlotPastTheCheckIsRefusedWithTheUsualMessage() throws Exception {
		mvc.perform(add(fiveA, mathInFiveA, "201")).andExpect(status().is3xxRedirection());
		theCheckMissesTheOtherBooking();
		String page = mvc.perform(add(fiveB, englishInFiveB, "201")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Кабинет 201 в это время занят");
		assertThat(lines(fiveB)).isZero();
		doCallRealMethod().when(entries).overlapping(anyLong(), anyLong(), anyInt(), any(), any());
		// without a room, two lessons of two teachers share the slot
		mvc.perform(add(fiveB, englishInFiveB, "")).andExpect(status().is3xxRedirection());
		assertThat(lines(fiveB)).isEqualTo(1);
	}

	@Test
	void theDatabaseItselfRefusesASecondBookingOfTheTeacherInTheSlot() throws Exception {
		mvc.perform(add(fiveA, mathInFiveA, "201")).andExpect(status().is3xxRedirection());
		assertThatThrownBy(() -> db.sql("""
				insert into timetable_template_entry (institution_id, academic_year_id, class_id, weekday, shift, number,
				  subject_id, teacher_id, room)
				select institution_id, academic_year_id, :b, weekday, shift, number, subject_id, teacher_id, '999'
				from timetable_template_entry where class_id = :a""").param("a", fiveA).param("b", fiveB).update())
			.isInstanceOf(DuplicateKeyException.class);
	}
}
