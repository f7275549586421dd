package ru.eschool.regiongen;

import java.util.List;
import java.util.Random;

/** Russian names for the generated people: [last, first, middle]. */
final class Names {

	/** A man's first name with the patronymics of his son and daughter. */
	private static final String[][] MEN = { { "Александр", "Александрович", "Александровна" },
			{ "Алексей", "Алексеевич", "Алексеевна" }, { "Андрей", "Андреевич", "Андреевна" },
			{ "Артём", "Артёмович", "Артёмовна" }, { "Владимир", "Владимирович", "Владимировна" },
			{ "Дмитрий", "Дмитриевич", "Дмитриевна" }, { "Евгений", "Евгеньевич", "Евгеньевна" },
			{ "Иван", "Иванович", "Ивановна" }, { "Игорь", "Игоревич", "Игоревна" }, { "Илья", "Ильич", "Ильинична" },
			{ "Кирилл", "Кириллович", "Кирилловна" }, { "Максим", "Максимович", "Максимовна" },
			{ "Михаил", "Михайлович", "Михайловна" }, { "Николай", "Николаевич", "Николаевна" },
			{ "Олег", "Олегович", "Олеговна" }, { "Павел", "Павлович", "Павловна" }, { "Роман", "Романович", "Романовна" },
			{ "Сергей", "Сергеевич", "Сергеевна" }, { "Юрий", "Юрьевич", "Юрьевна" }, { "Виктор", "Викторович", "Викторовна" },
			{ "Денис", "Денисович", "Денисовна" }, { "Антон", "Антонович", "Антоновна" }, { "Пётр", "Петрович", "Петровна" } };

	private static final List<String> BOYS = List.of("Александр", "Михаил", "Максим", "Артём", "Лев", "Марк", "Иван",
			"Матвей", "Дмитрий", "Даниил", "Тимофей", "Кирилл", "Егор", "Никита", "Фёдор", "Илья", "Глеб", "Ярослав",
			"Роман", "Андрей", "Георгий", "Сергей");

	private static final List<String> GIRLS = List.of("Анна", "Мария", "София", "Алиса", "Виктория", "Полина", "Ева",
			"Варвара", "Анастасия", "Дарья", "Елизавета", "Александра", "Ксения", "Вероника", "Арина", "Милана", "Кира",
			"Василиса", "Ульяна", "Екатерина");

	private static final List<String> WOMEN = List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
			"Юлия", "Анна", "Екатерина", "Марина", "Мария", "Анастасия", "Оксана", "Надежда", "Людмила", "Галина");

	static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
			"Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
			"Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
			"Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов",
			"Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов",
			"Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Комаров", "Давыдов", "Беляев",
			"Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов",
			"Власов", "Мельников", "Денисов", "Тихонов", "Казаков", "Данилов", "Фомин", "Чернов", "Назаров", "Калинин",
			"Быков", "Маслов", "Лазарев", "Воронин", "Климов", "Голубев", "Прохоров", "Леонов", "Соболев", "Ермаков",
			"Гончаров", "Котов", "Громов", "Панов", "Акимов", "Галкин", "Нестеров", "Симонов", "Цветков", "Логинов",
			"Островский", "Покровский", "Шевченко", "Ткаченко", "Ким", "Пак", "Цой", "Толстой");

	private Names() {
	}

	static String surname(Random random) {
		return SURNAMES.get(random.nextInt(SURNAMES.size()));
	}

	static String surname(String masculine, boolean male) {
		if (male) {
			return masculine;
		}
		if (masculine.endsWith("ский")) {
			return masculine.substring(0, masculine.length() - 2) + "ая";
		}
		if (masculine.endsWith("ой")) {
			return masculine.substring(0, masculine.length() - 2) + "ая";
		}
		if (masculine.endsWith("ов") || masculine.endsWith("ев") || masculine.endsWith("ёв") || masculine.endsWith("ин")) {
			return masculine + "а";
		}
		return masculine;
	}

	static String[] adult(Random random, boolean female) {
		return parent(random, surname(random), !female);
	}

	static String[] parent(Random random, String surname, boolean male) {
		String[] father = MEN[random.nextInt(MEN.length)];
		String[] own = MEN[random.nextInt(MEN.length)];
		return male ? new String[] { surname, own[0], father[1] }
				: new String[] { surname(surname, false), WOMEN.get(random.nextInt(WOMEN.size())), father[2] };
	}

	static String[] child(Random random, String surname, boolean boy) {
		String[] father = MEN[random.nextInt(MEN.length)];
		return boy ? new String[] { surname, BOYS.get(random.nextInt(BOYS.size())), father[1] }
				: new String[] { surname(surname, false), GIRLS.get(random.nextInt(GIRLS.size())), father[2] };
	}

	/** A mobile number of a Primorye operator, +7XXXXXXXXXX. */
	static String phone(Random random) {
		String[] codes = { "914", "924", "902", "908", "984" };
		return "+7" + codes[random.nextInt(codes.length)] + String.format("%07d", random.nextInt(10_000_000));
	}
}
