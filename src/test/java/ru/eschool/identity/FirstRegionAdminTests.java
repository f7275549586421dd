package ru.eschool.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.internal.FirstRegionAdmin;

/** A new installation gets a one-time code for its first regional admin, and only until it is used. */
@EschoolTest
@Transactional // it removes every regional admin for a moment: the shared database gets them back
class FirstRegionAdminTests {

	@Autowired MockMvc mvc;
	@Autowired JdbcClient db;
	@Autowired FirstRegionAdmin firstAdmin;

	@Test
	void theFirstRegionalAdminRegistersWithTheCodeFromTheLog() throws Exception {
		db.sql("delete from identity_role_grant where role = 'REGION_ADMIN'").update();
		String code = firstAdmin.ensureCode();
		assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
		assertThat(firstAdmin.ensureCode()).as("the same pending code at the next start").isEqualTo(code);
		mvc.perform(post("/register/account").with(csrf()).param("code", code).param("login", "region" + TestData.next())
			.param("password", "region-pass-1").param("confirm", "region-pass-1").param("consent", "true")).andExpect(status().is3xxRedirection());
		assertThat(firstAdmin.ensureCode()).isNull();
	}
}
