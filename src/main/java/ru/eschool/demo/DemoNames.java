package ru.eschool.demo;

import java.util.List;
import java.util.Random;

import ru.eschool.school.PersonName;

/**
 * Russian names for the demo region, drawn from fixed lists with a seeded random so that every
 * start builds the same people. Surnames are listed in the masculine form; the feminine is
 * derived (Иванов → Иванова, Островский → Островская, Шевченко and Ким stay as they are).
 * Patronymics come from the father's first name, so siblings share it.
 */
final class DemoNames {

	enum Gender { MALE, FEMALE }

	/** A man's first name with the patronymics it gives his son and his daughter. */
	record MaleName(String name, String son, String daughter) {

		String patronymic(Gender child) {
			return child == Gender.MALE ? son : daughter;
		}
	}

	static final List<MaleName> MEN = List.of(
			m("Александр", "Александрович", "Александровна"), m("Алексей", "Алексеевич", "Алексеевна"),
			m("Андрей", "Андреевич", "Андреевна"), m("Артём", "Артёмович", "Артёмовна"),
			m("Владимир", "Владимирович", "Владимировна"), m("Дмитрий", "Дмитриевич", "Дмитриевна"),
			m("Евгений", "Евгеньевич", "Евгеньевна"), m("Иван", "Иванович", "Ивановна"),
			m("Игорь", "Игоревич", "Игоревна"), m("Илья", "Ильич", "Ильинична"),
			m("Кирилл", "Кириллович", "Кирилловна"), m("Максим", "Максимович", "Максимовна"),
			m("Михаил", "Михайлович", "Михайловна"), m("Николай", "Николаевич", "Николаевна"),
			m("Олег", "Олегович", "Олеговна"), m("Павел", "Павлович", "Павловна"),
			m("Роман", "Романович", "Романовна"), m("Сергей", "Сергеевич", "Сергеевна"),
			m("Станислав", "Станиславович", "Станиславовна"), m("Юрий", "Юрьевич", "Юрьевна"),
			m("Виктор", "Викторович", "Викторовна"), m("Денис", "Денисович", "Денисовна"),
			m("Константин", "Константинович", "Константиновна"), m("Антон", "Антонович", "Антоновна"),
			m("Вячеслав", "Вячеславович", "Вячеславовна"), m("Пётр", "Петрович", "Петровна"),
			m("Василий", "Васильевич", "Васильевна"), m("Геннадий", "Геннадьевич", "Геннадьевна"),
			m("Анатолий", "Анатольевич", "Анатольевна"), m("Валерий", "Валерьевич", "Валерьевна"),
			m("Григорий", "Григорьевич", "Григорьевна"), m("Леонид", "Леонидович", "Леонидовна"));

	static final List<String> BOYS = List.of("Александр", "Михаил", "Максим", "Артём", "Лев", "Марк", "Иван",
			"Матвей", "Дмитрий", "Даниил", "Тимофей", "Кирилл", "Егор", "Никита", "Фёдор", "Илья", "Глеб",
			"Ярослав", "Роман", "Андрей", "Георгий", "Сергей", "Алексей", "Владимир", "Мирон", "Савелий");

	static final List<String> GIRLS = List.of("Анна", "Мария", "София", "Алиса", "Виктория", "Полина", "Ева",
			"Варвара", "Анастасия", "Дарья", "Елизавета", "Александра", "Ксения", "Вероника", "Арина", "Милана",
			"Кира", "Василиса", "Ульяна", "Екатерина", "Таисия", "Злата", "Алёна", "Ольга");

	static final List<String> WOMEN = List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
			"Юлия", "Анна", "Екатерина", "Марина", "Мария", "Анастасия", "Оксана", "Надежда", "Людмила",
			"Галина", "Евгения", "Виктория", "Ксения", "Дарья", "Алёна", "Кристина", "Валентина", "Лариса");

	static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
			"Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
			"Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров",
			"Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов",
			"Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев",
			"Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
			"Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов",
			"Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов",
			"Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов",
			"Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков",
			"Назаров", "Калинин", "Исаев", "Чернышёв", "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев",
			"Воронин", "Климов", "Филатов", "Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов",
			"Потапов", "Журавлёв", "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров",
			"Емельянов", "Никифоров", "Грачёв", "Котов", "Гришин", "Архипов", "Громов", "Кириллов", "Малышев",
			"Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Галкин", "Скворцов",
			"Белоусов", "Нестеров", "Симонов", "Князев", "Цветков", "Воронов", "Аксёнов", "Мальцев", "Логинов",
			"Краснов", "Демидов", "Рыбаков", "Плотников", "Хохлов", "Островский", "Вишневский", "Покровский",
			"Завадский", "Луговской", "Шевченко", "Бондаренко", "Ткаченко", "Кравченко", "Ким", "Пак", "Цой",
			"Ли", "Толстой", "Полевой");

	private DemoNames() {
	}

	private static MaleName m(String name, String son, String daughter) {
		return new MaleName(name, son, daughter);
	}

	/** The surname as a person of this gender bears it. */
	static String surname(String masculine, Gender gender) {
		if (gender == Gender.MALE) {
			return masculine;
		}
		if (masculine.endsWith("ский") || masculine.endsWith("цкий")) {
			return masculine.substring(0, masculine.length() - 2) + "ая";
		}
		if (masculine.endsWith("ской") || masculine.endsWith("ой")) {
			return masculine.substring(0, masculine.length() - 2) + "ая";
		}
		if (masculine.endsWith("ов") || masculine.endsWith("ев") || masculine.endsWith("ёв")
				|| masculine.endsWith("ин") || masculine.endsWith("ын")) {
			return masculine + "а";
		}
		return masculine;
	}

	static <T> T pick(Random random, List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	static Gender gender(Random random, double femaleShare) {
		return random.nextDouble() < femaleShare ? Gender.FEMALE : Gender.MALE;
	}

	/** An adult: a teacher or a parent with their own father's patronymic. */
	static PersonName adult(Random random, String masculineSurname, Gender gender) {
		String first = gender == Gender.MALE ? pick(random, MEN).name() : pick(random, WOMEN);
		return new PersonName(surname(masculineSurname, gender), first, pick(random, MEN).patronymic(gender));
	}

	static PersonName adult(Random random, Gender gender) {
		return adult(random, pick(random, SURNAMES), gender);
	}

	static PersonName child(Random random, String masculineSurname, MaleName father, Gender gender) {
		String first = gender == Gender.MALE ? pick(random, BOYS) : pick(random, GIRLS);
		return new PersonName(surname(masculineSurname, gender), first, father.patronymic(gender));
	}
}
