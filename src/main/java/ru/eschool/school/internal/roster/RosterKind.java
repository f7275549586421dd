package ru.eschool.school.internal.roster;

import static ru.eschool.school.internal.roster.Column.CHILD_CLASS;
import static ru.eschool.school.internal.roster.Column.CHILD_FIRST;
import static ru.eschool.school.internal.roster.Column.CHILD_LAST;
import static ru.eschool.school.internal.roster.Column.CLASS;
import static ru.eschool.school.internal.roster.Column.EMAIL;
import static ru.eschool.school.internal.roster.Column.FIRST;
import static ru.eschool.school.internal.roster.Column.LAST;
import static ru.eschool.school.internal.roster.Column.MIDDLE;
import static ru.eschool.school.internal.roster.Column.PHONE;
import static ru.eschool.school.internal.roster.Column.POSITION;
import static ru.eschool.school.internal.roster.Column.RELATION;
import static ru.eschool.school.internal.roster.Column.SUBJECTS;

import java.util.List;
import java.util.Set;

/**
 * The three kinds of roster file, their columns in the order of the example file, and which of
 * them the header must have (the others may be left out).
 */
public enum RosterKind {
	STUDENTS(List.of(LAST, FIRST, MIDDLE, CLASS, EMAIL, PHONE), Set.of(LAST, FIRST, CLASS),
			List.of(List.of("Иванова", "Мария", "Петровна", "5А", "", ""),
					List.of("Петров", "Сергей", "Иванович", "5А", "sergey.petrov@example.ru", "+7 914 123-45-67"),
					List.of("Ким", "Алина", "", "6Б", "", ""))),
	GUARDIANS(List.of(LAST, FIRST, MIDDLE, PHONE, EMAIL, CHILD_LAST, CHILD_FIRST, CHILD_CLASS, RELATION),
			Set.of(LAST, FIRST, CHILD_LAST, CHILD_FIRST, CHILD_CLASS, RELATION),
			List.of(List.of("Иванова", "Ольга", "Сергеевна", "8 914 765-43-21", "olga@example.ru", "Иванова", "Мария",
					"5А", "мать"),
					List.of("Иванова", "Ольга", "Сергеевна", "8 914 765-43-21", "olga@example.ru", "Иванов", "Пётр", "2В",
							"мать"),
					List.of("Петров", "Иван", "Андреевич", "", "", "Петров", "Сергей", "5А", "отец"))),
	STAFF(List.of(LAST, FIRST, MIDDLE, POSITION, EMAIL, PHONE, SUBJECTS), Set.of(LAST, FIRST, POSITION),
			List.of(List.of("Смирнова", "Елена", "Викторовна", "учитель", "smirnova@example.ru", "+79141112233",
					"Математика, Информатика"),
					List.of("Кузнецов", "Андрей", "Павлович", "директор", "", "+79145556677", ""),
					List.of("Лебедева", "Анна", "Игоревна", "заместитель директора", "", "", "История")));

	private final List<Column> columns;
	private final Set<Column> required;
	private final List<List<String>> example;

	RosterKind(List<Column> columns, Set<Column> required, List<List<String>> example) {
		this.columns = columns;
		this.required = required;
		this.example = example;
	}

	public List<Column> columns() {
		return columns;
	}

	public boolean required(Column column) {
		return required.contains(column);
	}

	/** The path segment and file name part: "students", "guardians", "staff". */
	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public String labelKey() {
		return "roster.kind." + slug();
	}

	public static RosterKind ofSlug(String slug) {
		for (RosterKind k : values()) {
			if (k.slug().equals(slug)) {
				return k;
			}
		}
		throw new ru.eschool.shared.NotFound();
	}

	/**
	 * The example file: UTF-8 with a byte-order mark and {@code ;}, which is what Excel in a Russian
	 * locale opens correctly by a double click and writes back.
	 */
	public byte[] exampleFile() {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(";", columns.stream().map(Column::header).toList())).append("\r\n");
		for (List<String> row : example) {
			out.append(String.join(";", row)).append("\r\n");
		}
		return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}
}
