package ru.eschool.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.shared.DemoAccounts;

/** Without the demo profile (tests, production) there are no demo accounts and no demo beans. */
@EschoolTest
class NoDemoOutsideTheDemoProfileTests {

	@Autowired ObjectProvider<DemoAccounts> demoAccounts;
	@Autowired ObjectProvider<DemoRegion> demoRegion;
	@Autowired MockMvc mvc;
	@Autowired JdbcClient db;

	@Test
	void theLoginPageListsNoDemoAccounts() throws Exception {
		assertThat(demoAccounts.getIfAvailable()).isNull();
		assertThat(demoRegion.getIfAvailable()).isNull();
		String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"username\"").doesNotContain("teacher.parent").doesNotContain("class=\"card demo\"");
	}
}
