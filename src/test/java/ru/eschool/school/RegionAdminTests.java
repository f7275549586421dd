package ru.eschool.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.identity.AccountProvisioning.Grant;
import ru.eschool.shared.Role;

@EschoolTest
class RegionAdminTests {

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	Account region;
	School school;

	@BeforeEach
	void setUp() {
		region = data.account("Регион Админ", new Grant(Role.REGION_ADMIN, null, null));
		school = data.school();
		long c = data.schoolClass(school, 3, "В");
		data.student(school, c, "Секретова", "Даша");
	}

	@Test
	void regionalAdminSeesFiguresButNoChildsName() throws Exception {
		mvc.perform(get("/region/municipalities/" + school.municipalityId()).with(data.as(region)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Школа №")))
			.andExpect(content().string(not(containsString("Секретова"))));
		long institution = school.id();
		mvc.perform(get("/region/institutions/" + institution).with(data.as(region)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Секретова"))));
	}

	@Test
	void connectsAnInstitutionWhoseFirstAdminRegistersWithTheCode() throws Exception {
		MvcResult created = mvc.perform(post("/region/institutions").with(data.as(region)).with(csrf())
			.param("municipality", String.valueOf(school.municipalityId()))
			.param("name", "МБОУ «Средняя школа № 77»").param("shortName", "Школа № 77 " + TestData.next())
			.param("kind", "SCHOOL").param("adminLast", "Смирнова").param("adminFirst", "Елена")
			.param("adminMiddle", "Викторовна").param("adminPosition", "DIRECTOR"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/region/institutions/*"))
			.andReturn();
		String url = created.getResponse().getRedirectedUrl();
		String letters = mvc.perform(get(url + "/letters").with(data.as(region)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String code = Jsoup.parse(letters).select("[data-code]").text();
		assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");

		mvc.perform(post("/register/code").with(csrf()).param("code", code))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Смирнова Елена Викторовна")));
		String login = "director" + TestData.next();
		Cookie session = mvc.perform(post("/register/account").with(csrf()).param("code", code)
			.param("login", login).param("password", "secret-pass-1").param("confirm", "secret-pass-1").param("consent", "true"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Школа № 77")));
		mvc.perform(get(url).with(data.as(region)))
			.andExpect(content().string(containsString("Зарегистрирован")));
	}

	@Test
	void aBadInstitutionFormSaysWhatIsWrongAndCreatesNothing() throws Exception {
		long before = db.sql("select count(*) from school_institution").query(Long.class).single();
		mvc.perform(post("/region/institutions").with(data.as(region)).with(csrf())
			.param("municipality", String.valueOf(school.municipalityId())).param("name", "")
			.param("shortName", "x").param("kind", "SCHOOL").param("adminLast", "").param("adminFirst", "Елена")
			.param("adminPosition", "DIRECTOR"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Заполните это поле.")));
		assertThat(db.sql("select count(*) from school_institution").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyTheRegionalAdminOpensRegionPages() throws Exception {
		long staff = data.staff(school, "Директор", "Иван", "DIRECTOR");
		Account admin = data.account("Директор Иван", TestData.grant(Role.SCHOOL_ADMIN, school, staff));
		mvc.perform(get("/region").with(data.as(admin))).andExpect(status().isForbidden());
		mvc.perform(post("/region/institutions").with(data.as(admin)).with(csrf())).andExpect(status().isForbidden());
	}
}
