package ru.eschool.school.internal.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class RosterFileTests {

	@Test
	void englishHeadersAndOtherSpellingsAreAccepted() throws Exception {
		byte[] bytes = "Last name,FIRST NAME,Class,E-mail,Тел.\nKim,Alina,5А,a@example.ru,89141234567\n"
			.getBytes(StandardCharsets.UTF_8);
		RosterFile f = RosterFile.read(RosterKind.STUDENTS, bytes);
		RosterFile.Line line = f.lines().get(0);
		assertThat(line.get(Column.LAST)).isEqualTo("Kim");
		assertThat(line.get(Column.FIRST)).isEqualTo("Alina");
		assertThat(line.get(Column.CLASS)).isEqualTo("5А");
		assertThat(line.get(Column.EMAIL)).isEqualTo("a@example.ru");
		assertThat(line.get(Column.PHONE)).isEqualTo("89141234567");
		assertThat(line.get(Column.MIDDLE)).isEmpty();
	}

	@Test
	void personalDataColumnsAreDroppedBeforeStoring() throws Exception {
		byte[] bytes = "Фамилия;Имя;СНИЛС;Класс;Дата рождения;Адрес;Паспорт;ИНН;Любимый цвет\n"
			.concat("Иванова;Мария;123-456-789 00;5А;01.02.2015;ул. Светланская, 1;0505 123456;253600000000;синий\n")
			.getBytes(StandardCharsets.UTF_8);
		RosterFile f = RosterFile.read(RosterKind.STUDENTS, bytes);
		assertThat(f.ignoredPersonal()).containsExactly("СНИЛС", "Дата рождения", "Адрес", "Паспорт", "ИНН");
		assertThat(f.ignoredOther()).containsExactly("Любимый цвет");
		String stored = new String(f.stored(), StandardCharsets.UTF_8);
		assertThat(stored).contains("Иванова").doesNotContain("123-456-789").doesNotContain("01.02.2015")
			.doesNotContain("Светланская").doesNotContain("0505").doesNotContain("253600000000").doesNotContain("синий");
		List<RosterFile.Line> back = RosterFile.fromStored(RosterKind.STUDENTS, f.stored());
		assertThat(back).singleElement().satisfies(l -> {
			assertThat(l.number()).isEqualTo(2);
			assertThat(l.get(Column.LAST)).isEqualTo("Иванова");
			assertThat(l.get(Column.CLASS)).isEqualTo("5А");
		});
	}

	@Test
	void missingRequiredColumnsAreNamed() {
		byte[] bytes = "Фамилия;Имя\nИванова;Мария\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> RosterFile.read(RosterKind.STUDENTS, bytes))
			.isInstanceOfSatisfying(RosterFile.MissingColumns.class,
					e -> assertThat(e.columns()).containsExactly(Column.CLASS));
	}

	@Test
	void theGuardiansFileReadsClassAsTheChildsClass() throws Exception {
		byte[] bytes = "Фамилия;Имя;Фамилия ребёнка;Имя ребенка;Класс;Кем приходится\nА;Б;В;Г;5А;мать\n"
			.getBytes(StandardCharsets.UTF_8);
		RosterFile f = RosterFile.read(RosterKind.GUARDIANS, bytes);
		assertThat(f.lines().get(0).get(Column.CHILD_CLASS)).isEqualTo("5А");
		assertThat(f.lines().get(0).get(Column.CHILD_FIRST)).isEqualTo("Г");
	}

	@Test
	void exampleFilesReadWithoutErrors() throws Exception {
		for (RosterKind kind : RosterKind.values()) {
			RosterFile f = RosterFile.read(kind, kind.exampleFile());
			assertThat(f.lines()).hasSize(3);
			assertThat(f.ignoredOther()).isEmpty();
			assertThat(f.separator()).isEqualTo(";");
		}
	}

	@Test
	void filesOverTheLimitAreRefused() {
		assertThatThrownBy(() -> RosterFile.read(RosterKind.STAFF, new byte[RosterFile.MAX_BYTES + 1]))
			.isInstanceOfSatisfying(Csv.Unreadable.class, e -> assertThat(e.key()).isEqualTo("roster.file.tooBig"));
	}
}
