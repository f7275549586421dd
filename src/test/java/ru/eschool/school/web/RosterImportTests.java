package ru.eschool.school.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.eschool.EschoolTest;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/** Roster import from CSV: preview with a per-line report, then all lines in one transaction or none. */
@EschoolTest
class RosterImportTests {

	static final Charset CP1251 = Charset.forName("windows-1251");

	@Autowired MockMvc mvc;
	@Autowired TestData data;
	@Autowired JdbcClient db;

	School school;
	long class5a;
	Account admin;

	@BeforeEach
	void setUp() {
		school = data.school();
		class5a = data.schoolClass(school, 5, "А");
		long staff = data.staff(school, "Завуч", "Елена", "DEPUTY");
		admin = data.account("Завуч Елена", TestData.grant(Role.SCHOOL_ADMIN, school, staff));
	}

	// --- good files -------------------------------------------------------------------------------

	@Test
	void aGoodStudentsFileImportsEveryLineAndCreatesClassesWhenAsked() throws Exception {
		String csv = """
				Фамилия;Имя;Отчество;Класс;Эл. почта;Телефон
				Иванова;Мария;Петровна;5А;;
				Петров;Сергей;Иванович;5а;sergey@example.ru;8 (914) 123-45-67
				Ким;Алина;;6Б;;
				""";
		long id = upload(admin, "students", utf8(csv), true);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Будет добавлено строк: 3. Предупреждений: 0. Ошибок: 0.")))
			.andExpect(content().string(containsString("Будут созданы классы: 6Б.")))
			.andExpect(content().string(not(containsString("disabled"))));

		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id + "/result"));

		assertThat(students(school)).containsExactlyInAnyOrder("Иванова Мария Петровна 5А", "Петров Сергей Иванович 5А",
				"Ким Алина 6Б");
		assertThat(db.sql("select phone from school_student where institution_id = :i and last_name = 'Петров'")
			.param("i", school.id()).query(String.class).single()).isEqualTo("+79141234567");
		mvc.perform(get("/admin/import/" + id + "/result").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ким")))
			.andExpect(content().string(containsString("6Б")));
	}

	@Test
	void aGuardianOnSeveralLinesBecomesOnePersonWithSeveralChildren() throws Exception {
		long class2v = data.schoolClass(school, 2, "В");
		long masha = data.student(school, class5a, "Иванова", "Мария");
		long petya = data.student(school, class2v, "Иванов", "Пётр");
		long sergey = data.student(school, class5a, "Петров", "Сергей");
		String csv = """
				Фамилия,Имя,Отчество,Телефон,Эл. почта,Фамилия ребёнка,Имя ребёнка,Класс ребёнка,Кем приходится
				Иванова,Ольга,Сергеевна,8 914 765-43-21,olga@example.ru,Иванова,Мария,5А,мать
				Иванова,Ольга,Сергеевна,+7 914 765 43 21,,Иванов,Петр,2В,Мать
				Петров,Иван,,,,Петров,Сергей,5А,отец
				""";
		long id = upload(admin, "guardians", utf8(csv), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString("Будет добавлено строк: 3. Предупреждений: 0. Ошибок: 0.")));
		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id + "/result"));

		assertThat(count("select count(*) from school_guardian where institution_id = :i", school.id())).isEqualTo(2);
		List<String> links = db.sql("""
				select g.first_name || ' ' || gs.relation || ' ' || gs.student_id from school_guardianship gs
				join school_guardian g on g.id = gs.guardian_id where g.institution_id = :i""")
			.param("i", school.id()).query(String.class).list();
		assertThat(links).containsExactlyInAnyOrder("Ольга MOTHER " + masha, "Ольга MOTHER " + petya,
				"Иван FATHER " + sergey);
	}

	@Test
	void aGoodStaffFileImportsStaffWithTheirSubjects() throws Exception {
		data.subject(school, "Математика");
		String csv = """
				Фамилия;Имя;Отчество;Должность;Эл. почта;Телефон;Предметы
				Смирнова;Елена;Викторовна;учитель;smirnova@example.ru;+79141112233;"математика, Информатика"
				Кузнецов;Андрей;Павлович;директор;;;
				""";
		long id = upload(admin, "staff", utf8(csv), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString("Будут созданы предметы: Информатика.")));
		confirm(admin, id);

		assertThat(db.sql("select last_name || ' ' || position from school_staff where institution_id = :i")
			.param("i", school.id()).query(String.class).list())
			.containsExactlyInAnyOrder("Завуч DEPUTY", "Смирнова TEACHER", "Кузнецов DIRECTOR");
		assertThat(db.sql("""
				select sub.name from school_staff_subject ss join school_subject sub on sub.id = ss.subject_id
				join school_staff f on f.id = ss.staff_id where f.institution_id = :i""")
			.param("i", school.id()).query(String.class).list()).containsExactlyInAnyOrder("Математика", "Информатика");
	}

	// --- one bad line: named by line and column, nothing imported ---------------------------------

	@Test
	void aBadClassNamesLineAndColumnAndImportsNothing() throws Exception {
		badStudentsLine("Сидоров;Олег;;15Я;;", "Строка 3, столбец «Класс»: «15Я» — не название класса");
	}

	@Test
	void aClassMissingFromTheYearIsAnErrorUnlessClassesAreCreated() throws Exception {
		badStudentsLine("Сидоров;Олег;;7Г;;", "Строка 3, столбец «Класс»: класса 7Г нет в текущем учебном году.");
	}

	@Test
	void aMissingNameNamesLineAndColumnAndImportsNothing() throws Exception {
		badStudentsLine("Сидоров;;;5А;;", "Строка 3, столбец «Имя»: значение обязательно.");
	}

	@Test
	void aBadPhoneNamesLineAndColumnAndImportsNothing() throws Exception {
		badStudentsLine("Сидоров;Олег;;5А;;12345", "Строка 3, столбец «Телефон»: «12345» — не номер телефона");
	}

	@Test
	void anUnknownChildNamesLineAndColumnAndImportsNothing() throws Exception {
		data.student(school, class5a, "Иванова", "Мария");
		String csv = """
				Фамилия;Имя;Отчество;Телефон;Эл. почта;Фамилия ребёнка;Имя ребёнка;Класс ребёнка;Кем приходится
				Иванова;Ольга;;;;Иванова;Мария;5А;мать
				Иванов;Олег;;;;Иванов;Никита;5А;отец
				""";
		long guardians = count("select count(*) from school_guardian where institution_id = :i", school.id());
		long id = upload(admin, "guardians", utf8(csv), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString("Ошибок: 1.")))
			.andExpect(content().string(containsString(
					"Строка 3, столбец «Фамилия ребёнка»: в классе 5А нет учащегося Иванов Никита.")))
			.andExpect(content().string(containsString("disabled")));
		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id))
			.andExpect(flash().attribute("notice", "roster.rejected"));
		assertThat(count("select count(*) from school_guardian where institution_id = :i", school.id()))
			.isEqualTo(guardians);
		assertThat(count("""
				select count(*) from school_guardianship gs join school_guardian g on g.id = gs.guardian_id
				where g.institution_id = :i""", school.id())).isZero();
	}

	@Test
	void theReportIsInTheReadersLanguage() throws Exception {
		long id = upload(admin, "students", utf8("Фамилия;Имя;Класс\nКим;;5А\n"), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)).cookie(new Cookie("lang", "en")))
			.andExpect(content().string(containsString("Line 2, column First name: a value is required.")))
			.andExpect(content().string(containsString("Lines to add: 0. Warnings: 0. Errors: 1.")));
	}

	// --- encodings, separators, headers, limits ---------------------------------------------------

	@Test
	void aWindows1251FileWithSemicolonsParses() throws Exception {
		byte[] bytes = "Фамилия;Имя;Отчество;Класс\r\nЁлкина;Софья;Андреевна;5А\r\n".getBytes(CP1251);
		long id = upload(admin, "students", bytes, false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString("Windows-1251")))
			.andExpect(content().string(containsString("<td>Ёлкина</td><td>Софья</td><td>Андреевна</td><td>5А</td>")))
			.andExpect(content().string(containsString("Будет добавлено строк: 1.")));
		confirm(admin, id);
		assertThat(students(school)).containsExactly("Ёлкина Софья Андреевна 5А");
	}

	@Test
	void englishHeadersWithCommasAndAByteOrderMarkParse() throws Exception {
		long id = upload(admin, "students", utf8("\uFEFFLast name,First name,Class\nKim,Alina,5А\n"), false);
		confirm(admin, id);
		assertThat(students(school)).containsExactly("Kim Alina 5А");
	}

	@Test
	void personalDataColumnsAreIgnoredAndNotStored() throws Exception {
		String csv = """
				Фамилия;Имя;СНИЛС;Класс;Дата рождения;Адрес;Паспорт;ИНН
				Иванова;Мария;112-233-445 95;5А;01.02.2015;Светланская 1;0505 123456;253600112233
				""";
		long id = upload(admin, "students", utf8(csv), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString(
					"Столбцы СНИЛС, Дата рождения, Адрес, Паспорт, ИНН содержат персональные данные, которые система не собирает. Они проигнорированы и не сохранены.")))
			.andExpect(content().string(not(containsString("112-233-445"))));
		String stored = new String(db.sql("select content from school_import_batch where id = :id").param("id", id)
			.query(byte[].class).single(), StandardCharsets.UTF_8);
		assertThat(stored).contains("Иванова").doesNotContain("112-233-445").doesNotContain("01.02.2015")
			.doesNotContain("Светланская").doesNotContain("0505").doesNotContain("253600112233");
		confirm(admin, id);
		assertThat(students(school)).containsExactly("Иванова Мария 5А");
	}

	@Test
	void aFileWithoutRequiredColumnsIsRefusedOnTheForm() throws Exception {
		mvc.perform(multipart("/admin/import").file(file(utf8("Фамилия;Имя\nКим;Алина\n"))).param("kind", "students")
			.with(data.as(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("В первой строке нет обязательных столбцов: «Класс»")));
		assertThat(count("select count(*) from school_import_batch where institution_id = :i", school.id())).isZero();
	}

	@Test
	void aFileOverTwoMegabytesIsRefusedWithAClearMessage() throws Exception {
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		mvc.perform(multipart("/admin/import").file(file(big)).param("kind", "students").with(data.as(admin))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Файл больше 2 МБ. Разделите его на несколько файлов.")));
		mvc.perform(get("/admin/import?tooBig=1").with(data.as(admin)))
			.andExpect(content().string(containsString("Файл больше 2 МБ.")));
	}

	@Test
	void aFileOfMoreThanFiveThousandLinesIsRefused() throws Exception {
		StringBuilder csv = new StringBuilder("Фамилия;Имя;Класс\n");
		for (int i = 0; i <= 5000; i++) {
			csv.append("Ким;Алина").append(i).append(";5А\n");
		}
		mvc.perform(multipart("/admin/import").file(file(utf8(csv.toString()))).param("kind", "students")
			.with(data.as(admin)).with(csrf()))
			.andExpect(content().string(containsString("В файле больше 5000 строк с данными.")));
	}

	@Test
	void aPreviewOfFiveThousandLinesShowsErrorsFirstAndStaysSmall() throws Exception {
		StringBuilder csv = new StringBuilder("Фамилия;Имя;Отчество;Класс;Эл. почта;Телефон\n");
		for (int i = 0; i < 5000; i++) {
			csv.append("Ученикова;Анастасия").append(i).append(";Александровна;5А;;").append(i % 2 == 0 ? "123" : "")
				.append('\n');
		}
		long id = upload(admin, "students", utf8(csv.toString()), false);
		MvcResult r = mvc.perform(get("/admin/import/" + id).with(data.as(admin))).andExpect(status().isOk()).andReturn();
		String html = r.getResponse().getContentAsString();
		// numbers are grouped with a (narrow) no-break space in Russian
		String text = html.replace('\u00a0', ' ').replace('\u202f', ' ');
		assertThat(text).contains("Будет добавлено строк: 2 500. Предупреждений: 0. Ошибок: 2 500.")
			.contains("И ещё строк: 2 400 (не показаны).").contains("Строка 2, столбец «Телефон»");
		assertThat(html.indexOf("Строки с ошибками")).isLessThan(html.indexOf("Строки без замечаний"));
		java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
		try (var out = new java.util.zip.GZIPOutputStream(gz)) {
			out.write(html.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(gz.size()).as("gzipped preview").isLessThanOrEqualTo(15 * 1024);
		java.nio.file.Files.writeString(java.nio.file.Path.of("target/roster-preview.html"), html);
	}

	// --- duplicates -------------------------------------------------------------------------------

	@Test
	void peopleAlreadyInTheSchoolAreSkippedWithAWarning() throws Exception {
		data.student(school, class5a, "Иванова", "Мария");
		String csv = """
				Фамилия;Имя;Класс
				иванова;Мария;5А
				Петров;Сергей;5А
				Петров;Сергей;5А
				""";
		long id = upload(admin, "students", utf8(csv), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString("Будет добавлено строк: 1. Предупреждений: 2. Ошибок: 0.")))
			.andExpect(content().string(containsString("иванова Мария уже учится в 5А классе — строка будет пропущена.")))
			.andExpect(content().string(containsString("Строка 4, столбец «Фамилия»: повторяет строку 3 — будет пропущена.")));
		confirm(admin, id);
		assertThat(students(school)).containsExactlyInAnyOrder("Иванова Мария 5А", "Петров Сергей 5А");
	}

	@Test
	void anExistingGuardianGetsTheNewChildLinkedInsteadOfADuplicate() throws Exception {
		long masha = data.student(school, class5a, "Иванова", "Мария");
		long sasha = data.student(school, class5a, "Иванов", "Саша");
		long olga = data.guardian(school, "Иванова", "Ольга", masha);
		String csv = """
				Фамилия;Имя;Фамилия ребёнка;Имя ребёнка;Класс ребёнка;Кем приходится
				Иванова;Ольга;Иванова;Мария;5А;мать
				Иванова;Ольга;Иванов;Саша;5А;мать
				""";
		long id = upload(admin, "guardians", utf8(csv), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString("уже привязан(а) к ребёнку Иванова Мария")))
			.andExpect(content().string(containsString("Иванова Ольга уже есть в школе — ребёнок будет привязан к существующей записи.")));
		confirm(admin, id);
		assertThat(count("select count(*) from school_guardian where institution_id = :i", school.id())).isEqualTo(1);
		assertThat(count("select count(*) from school_guardianship where guardian_id = :i", olga)).isEqualTo(2);
		assertThat(count("select count(*) from school_guardianship where student_id = :i", sasha)).isEqualTo(1);
	}

	// --- the confirm step --------------------------------------------------------------------------

	@Test
	void confirmingTwiceImportsOnce() throws Exception {
		long id = upload(admin, "students", utf8("Фамилия;Имя;Класс\nКим;Алина;5А\nЛи;Ян;5А\n"), false);
		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id + "/result"));
		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id + "/result"));
		assertThat(students(school)).containsExactlyInAnyOrder("Ким Алина 5А", "Ли Ян 5А");
		assertThat(db.sql("select status from school_import_batch where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("DONE");
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(redirectedUrl("/admin/import/" + id + "/result"));
	}

	@Test
	void aFileThatNoLongerPassesAtConfirmImportsNothingAndCanBeConfirmedLater() throws Exception {
		long id = upload(admin, "students", utf8("Фамилия;Имя;Класс\nКим;Алина;5А\nЛи;Ян;7Б\n"), true);
		// the school changes after the preview: the current year goes away
		db.sql("update school_academic_year set current_year = false where institution_id = :i")
			.param("i", school.id()).update();
		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id));
		assertThat(students(school)).isEmpty();
		assertThat(count("select count(*) from school_class where institution_id = :i", school.id())).isEqualTo(1);
		assertThat(db.sql("select status from school_import_batch where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("PREVIEWED");
		db.sql("update school_academic_year set current_year = true where institution_id = :i")
			.param("i", school.id()).update();
		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id + "/result"));
		assertThat(students(school)).containsExactlyInAnyOrder("Ким Алина 5А", "Ли Ян 7Б");
	}

	// --- access ------------------------------------------------------------------------------------

	@Test
	void anotherSchoolsBatchIsNotFound() throws Exception {
		long id = upload(admin, "students", utf8("Фамилия;Имя;Класс\nКим;Алина;5А\n"), false);
		School other = data.school();
		long otherStaff = data.staff(other, "Чужой", "Админ", "DEPUTY");
		Account otherAdmin = data.account("Чужой Админ", TestData.grant(Role.SCHOOL_ADMIN, other, otherStaff));
		mvc.perform(get("/admin/import/" + id).with(data.as(otherAdmin))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/import/" + id + "/confirm").with(data.as(otherAdmin)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/import/" + id + "/result").with(data.as(otherAdmin))).andExpect(status().isNotFound());
		assertThat(students(school)).isEmpty();
	}

	@Test
	void aTeacherIsForbidden() throws Exception {
		long staff = data.staff(school, "Учитель", "Анна", "TEACHER");
		Account teacher = data.account("Учитель Анна", TestData.grant(Role.TEACHER, school, staff));
		long id = upload(admin, "students", utf8("Фамилия;Имя;Класс\nКим;Алина;5А\n"), false);
		mvc.perform(get("/admin/import").with(data.as(teacher))).andExpect(status().isForbidden());
		mvc.perform(multipart("/admin/import").file(file(utf8("Фамилия;Имя;Класс\nКим;Алина;5А\n")))
			.param("kind", "students").with(data.as(teacher)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/admin/import/" + id + "/confirm").with(data.as(teacher)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(students(school)).isEmpty();
	}

	@Test
	void theAdminFindsTheImportInTheMenuAndDownloadsExamples() throws Exception {
		mvc.perform(get("/").with(data.as(admin))).andExpect(content().string(containsString("href=\"/admin/import\"")));
		mvc.perform(get("/admin/import").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("/admin/import/example/guardians.csv")));
		MvcResult example = mvc.perform(get("/admin/import/example/guardians.csv").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn();
		String text = new String(example.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFФамилия;Имя;Отчество;Телефон;Эл. почта;Фамилия ребёнка;Имя ребёнка;Класс ребёнка;Кем приходится\r\n");
	}

	// --- helpers -----------------------------------------------------------------------------------

	private void badStudentsLine(String badLine, String message) throws Exception {
		String csv = "Фамилия;Имя;Отчество;Класс;Эл. почта;Телефон\nИванова;Мария;;5А;;\n" + badLine + "\n"
				+ "Петров;Сергей;;5А;;\n";
		long id = upload(admin, "students", utf8(csv), false);
		mvc.perform(get("/admin/import/" + id).with(data.as(admin)))
			.andExpect(content().string(containsString("Будет добавлено строк: 2. Предупреждений: 0. Ошибок: 1.")))
			.andExpect(content().string(containsString(message)))
			.andExpect(content().string(containsString("disabled")));
		long before = count("select count(*) from school_student where institution_id = :i", school.id());
		confirm(admin, id).andExpect(redirectedUrl("/admin/import/" + id));
		assertThat(count("select count(*) from school_student where institution_id = :i", school.id()))
			.isEqualTo(before).isZero();
		assertThat(count("select count(*) from school_class where institution_id = :i", school.id())).isEqualTo(1);
	}

	private long upload(Account who, String kind, byte[] bytes, boolean createClasses) throws Exception {
		MvcResult r = mvc.perform(multipart("/admin/import").file(file(bytes)).param("kind", kind)
			.param("createClasses", String.valueOf(createClasses)).with(data.as(who)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String url = r.getResponse().getRedirectedUrl();
		assertThat(url).startsWith("/admin/import/");
		return Long.parseLong(url.substring("/admin/import/".length()));
	}

	private org.springframework.test.web.servlet.ResultActions confirm(Account who, long id) throws Exception {
		return mvc.perform(post("/admin/import/" + id + "/confirm").with(data.as(who)).with(csrf()));
	}

	private static MockMultipartFile file(byte[] bytes) {
		return new MockMultipartFile("file", "roster.csv", "text/csv", bytes);
	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private long count(String sql, long param) {
		return db.sql(sql).param("i", param).query(Long.class).single();
	}

	/** "Last First [Middle] Class" of the school's current students. */
	private List<String> students(School s) {
		return db.sql("""
				select s.last_name, s.first_name, s.middle_name, cast(c.grade as varchar(2)) || c.letter
				from school_student s join school_enrolment e on e.student_id = s.id and e.left_on is null
				join school_class c on c.id = e.class_id where s.institution_id = :i""")
			.param("i", s.id())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2)
					+ (rs.getString(3) == null ? "" : " " + rs.getString(3)) + " " + rs.getString(4))
			.list();
	}
}
