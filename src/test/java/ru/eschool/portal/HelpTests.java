package ru.eschool.portal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.identity.AccountProvisioning.Grant;
import ru.eschool.shared.Role;

/** Every role, and a visitor who is not signed in, gets help written for them. */
@EschoolTest
class HelpTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;

	@Test
	void aVisitorLearnsWhereInvitationCodesComeFrom() throws Exception {
		mvc.perform(get("/help")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Откуда берётся код приглашения")));
	}

	@Test
	void eachRoleGetsItsOwnHelpInBothLanguages() throws Exception {
		for (Role role : Role.values()) {
			var school = data.school();
			var account = data.account("Помощь " + role, role == Role.REGION_ADMIN ? new Grant(role, null, null)
					: new Grant(role, school.id(), 1L));
			String ru = mvc.perform(get("/help").with(data.as(account))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
			org.assertj.core.api.Assertions.assertThat(ru).contains("С чего начать").doesNotContain("??");
			String en = mvc.perform(get("/help").param("lang", "en").with(data.as(account))).andReturn()
				.getResponse().getContentAsString();
			org.assertj.core.api.Assertions.assertThat(en).contains("Getting started").doesNotContain("??");
		}
	}

	@Test
	void everyoneWhoTalksInTheAppIsToldWhoTheyMayWriteToAndWhereNotificationsAreSet() throws Exception {
		var school = data.school();
		for (Role role : java.util.List.of(Role.GUARDIAN, Role.STUDENT, Role.TEACHER, Role.SCHOOL_ADMIN)) {
			var account = data.account("Сообщения " + role, new Grant(role, school.id(), 1L));
			String ru = mvc.perform(get("/help").with(data.as(account))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
			org.assertj.core.api.Assertions.assertThat(ru).contains("id=\"messages\"", "«Сообщения»");
		}
		var admin = data.account("Сообщения админ", new Grant(Role.SCHOOL_ADMIN, school.id(), 1L));
		org.assertj.core.api.Assertions.assertThat(mvc.perform(get("/help").with(data.as(admin))).andReturn().getResponse()
			.getContentAsString()).contains("Жалобы на сообщения", "Недоставленные");
		var guardian = data.account("Уведомления родитель", new Grant(Role.GUARDIAN, school.id(), 1L));
		org.assertj.core.api.Assertions.assertThat(mvc.perform(get("/help").with(data.as(guardian))).andReturn().getResponse()
			.getContentAsString()).contains("id=\"notifications\"", "тихие часы");
	}
}
