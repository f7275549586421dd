package ru.eschool.demo;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import ru.eschool.shared.DemoAccounts;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * The demo accounts the login page lists. Their roles and classes are fixed by {@link DemoRegion};
 * the descriptions are read from the bundle in the language of the request.
 */
@Component
@Profile("demo")
class DemoAccountList implements DemoAccounts {

	static final String PASSWORD = "demo";
	static final String SCHOOL = "Школа № 12";
	static final String TEACHER_CLASS = "5А";
	static final String REGION_ADMIN_NAME = "Ковалёва Ирина Сергеевна";

	static final String REGION = "region";
	static final String SCHOOL_ADMIN = "school12";
	static final String TEACHER = "teacher";
	static final String TEACHER_PARENT = "teacher.parent";
	static final String PARENT = "parent";
	static final String STUDENT = "student";

	@Override
	public List<DemoAccount> list() {
		return List.of(
				new DemoAccount(REGION, PASSWORD, Role.REGION_ADMIN, I18n.t("demo.who.region")),
				new DemoAccount(SCHOOL_ADMIN, PASSWORD, Role.SCHOOL_ADMIN, I18n.t("demo.who.schoolAdmin", SCHOOL)),
				new DemoAccount(TEACHER, PASSWORD, Role.TEACHER, I18n.t("demo.who.classTeacher", TEACHER_CLASS, SCHOOL)),
				new DemoAccount(TEACHER_PARENT, PASSWORD, Role.TEACHER, I18n.t("demo.who.teacherParent", "3Б", SCHOOL)),
				new DemoAccount(PARENT, PASSWORD, Role.GUARDIAN, I18n.t("demo.who.parent", "2А", "7Б", SCHOOL)),
				new DemoAccount(STUDENT, PASSWORD, Role.STUDENT, I18n.t("demo.who.student", "7Б", SCHOOL)));
	}
}
