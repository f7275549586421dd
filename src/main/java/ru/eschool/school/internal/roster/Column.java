package ru.eschool.school.internal.roster;

import java.util.Locale;
import java.util.Set;

/**
 * A column an import file may have. Each has the Russian header the example files use, an English
 * header accepted as well, and further spellings people type ("E-mail", "Эл. почта"). Headers are
 * compared {@link #normalise normalised}: lower case, ё as е, letters and digits only.
 */
public enum Column {
	LAST("last", "Фамилия", "Last name", "фамилия", "фамилияродителя", "lastname", "surname", "familyname"),
	FIRST("first", "Имя", "First name", "имя", "имяродителя", "firstname", "givenname"),
	MIDDLE("middle", "Отчество", "Middle name", "отчество", "отчествородителя", "middlename", "patronymic"),
	CLASS("class", "Класс", "Class", "класс", "class"),
	EMAIL("email", "Эл. почта", "E-mail", "элпочта", "email", "почта", "электроннаяпочта", "адресэлектроннойпочты",
			"адресэлпочты", "емейл", "емэйл", "mail"),
	PHONE("phone", "Телефон", "Phone", "телефон", "phone", "тел", "мобильный", "мобильныйтелефон", "mobile",
			"phonenumber", "номертелефона"),
	CHILD_LAST("childLast", "Фамилия ребёнка", "Child last name", "фамилияребенка", "childlastname", "childsurname"),
	CHILD_FIRST("childFirst", "Имя ребёнка", "Child first name", "имяребенка", "childfirstname", "childname"),
	CHILD_CLASS("childClass", "Класс ребёнка", "Child class", "классребенка", "класс", "childclass", "class"),
	RELATION("relation", "Кем приходится", "Relation", "кемприходится", "родство", "степеньродства", "relation",
			"relationship"),
	POSITION("position", "Должность", "Position", "должность", "position", "jobtitle"),
	SUBJECTS("subjects", "Предметы", "Subjects", "предметы", "предмет", "subjects", "subject");

	private static final Locale RU = Locale.forLanguageTag("ru");

	private final String key;
	private final String header;
	private final String englishHeader;
	private final Set<String> aliases;

	Column(String key, String header, String englishHeader, String... aliases) {
		this.key = key;
		this.header = header;
		this.englishHeader = englishHeader;
		this.aliases = Set.of(aliases);
	}

	/** The key of the stored form and of the bundles ({@code roster.col.<key>}). */
	public String key() {
		return key;
	}

	public String labelKey() {
		return "roster.col." + key;
	}

	public String hintKey() {
		return "roster.col." + key + ".hint";
	}

	/** The header of the example files. */
	public String header() {
		return header;
	}

	public String englishHeader() {
		return englishHeader;
	}

	public boolean matches(String normalisedHeader) {
		return aliases.contains(normalisedHeader);
	}

	/** "Эл. почта" → "элпочта", "Фамилия ребёнка" → "фамилияребенка", "E-mail" → "email". */
	public static String normalise(String header) {
		String lower = header.toLowerCase(RU).replace('ё', 'е');
		StringBuilder out = new StringBuilder(lower.length());
		lower.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}
}
