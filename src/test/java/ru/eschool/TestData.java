package ru.eschool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ru.eschool.identity.AccountProvisioning;
import ru.eschool.identity.AccountProvisioning.Grant;
import ru.eschool.shared.AccountPrincipal;
import ru.eschool.shared.Db;
import ru.eschool.shared.Role;
import ru.eschool.shared.RoleGrant;

/**
 * The object mother of integration tests. Each call makes new rows with unique names, so tests
 * sharing one database (PostgreSQL) never see each other's data except through the scoping they
 * test.
 */
@TestComponent
public class TestData {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final JdbcClient db;
	private final AccountProvisioning provisioning;
	private String hash;

	public TestData(JdbcClient db, AccountProvisioning provisioning) {
		this.db = db;
		this.provisioning = provisioning;
	}

	public static int next() {
		return SEQ.incrementAndGet() + (int) (System.nanoTime() % 100000) * 1000;
	}

	/** A school in a new municipality, with a current academic year 2026/2027. */
	public School school() {
		int n = next();
		long muni = Db.insert(db.sql("insert into school_municipality (name) values (:n)").param("n", "Муниципалитет " + n));
		long inst = Db.insert(db.sql("""
				insert into school_institution (municipality_id, name, short_name, kind, created_at)
				values (:m, :name, :short, 'SCHOOL', :now)""")
			.param("m", muni).param("name", "Средняя школа № " + n).param("short", "Школа № " + n)
			.param("now", Instant.now().atOffset(ZoneOffset.UTC)));
		long year = Db.insert(db.sql("""
				insert into school_academic_year (institution_id, name, starts_on, ends_on, current_year)
				values (:i, '2026/2027', :s, :e, true)""")
			.param("i", inst).param("s", LocalDate.of(2026, 9, 1)).param("e", LocalDate.of(2027, 5, 31)));
		return new School(muni, inst, year);
	}

	public record School(long municipalityId, long id, long yearId) {
	}

	public long schoolClass(School school, int grade, String letter) {
		return Db.insert(db.sql("""
				insert into school_class (institution_id, academic_year_id, grade, letter)
				values (:i, :y, :g, :l)""").param("i", school.id()).param("y", school.yearId()).param("g", grade)
			.param("l", letter));
	}

	public long student(School school, long classId, String last, String first) {
		long id = Db.insert(db.sql("""
				insert into school_student (institution_id, last_name, first_name, active) values (:i, :l, :f, true)""")
			.param("i", school.id()).param("l", last).param("f", first));
		db.sql("insert into school_enrolment (student_id, class_id, joined_on, reason) values (:s, :c, :d, 'ENROLLED')")
			.param("s", id).param("c", classId).param("d", LocalDate.of(2026, 9, 1)).update();
		return id;
	}

	public long guardian(School school, String last, String first, long... children) {
		long id = Db.insert(db.sql("""
				insert into school_guardian (institution_id, last_name, first_name) values (:i, :l, :f)""")
			.param("i", school.id()).param("l", last).param("f", first));
		for (long child : children) {
			db.sql("insert into school_guardianship (guardian_id, student_id, relation) values (:g, :s, 'MOTHER')")
				.param("g", id).param("s", child).update();
		}
		return id;
	}

	public long staff(School school, String last, String first, String position) {
		return Db.insert(db.sql("""
				insert into school_staff (institution_id, last_name, first_name, position, active)
				values (:i, :l, :f, :p, true)""").param("i", school.id()).param("l", last).param("f", first)
			.param("p", position));
	}

	public long subject(School school, String name) {
		return Db.insert(db.sql("insert into school_subject (institution_id, name) values (:i, :n)")
			.param("i", school.id()).param("n", name));
	}

	public void assign(long staffId, long subjectId, long classId) {
		db.sql("insert into school_teaching_assignment (staff_id, subject_id, class_id) values (:s, :sub, :c)")
			.param("s", staffId).param("sub", subjectId).param("c", classId).update();
	}

	/** An account with the given roles; its password is "password1". */
	public Account account(String displayName, Grant... grants) {
		if (hash == null) {
			hash = provisioning.hash("password1");
		}
		String login = "u" + next();
		long id = provisioning.provision(login, hash, displayName, List.of(grants));
		return new Account(id, login, displayName);
	}

	public record Account(long id, String login, String displayName) {
	}

	/** Signs a MockMvc request in as the account, in the role given (its first grant of that role). */
	public RequestPostProcessor as(Account account) {
		List<RoleGrant> grants = db.sql("""
				select id, role, institution_id, person_id from identity_role_grant where account_id = :a order by id""")
			.param("a", account.id())
			.query((rs, n) -> new RoleGrant(rs.getLong(1), Role.valueOf(rs.getString(2)),
					(Long) rs.getObject(3, Long.class), (Long) rs.getObject(4, Long.class), ""))
			.list();
		return SecurityMockMvcRequestPostProcessors
			.user(new AccountPrincipal(account.id(), account.login(), null, account.displayName(), grants, true));
	}

	public static Grant grant(Role role, School school, long personId) {
		return new Grant(role, school.id(), personId);
	}

	/** A school admin of the school: a staff record (deputy) with an account in the SCHOOL_ADMIN role. */
	public Account schoolAdmin(School school) {
		long staff = staff(school, "Админ" + next(), "Елена", "DEPUTY");
		return account("Админ Елена", grant(Role.SCHOOL_ADMIN, school, staff));
	}

	public long classGroup(long classId, String name) {
		return Db.insert(db.sql("insert into school_class_group (class_id, name) values (:c, :n)").param("c", classId)
			.param("n", name));
	}

	/** A class of the school in a past (not current) academic year. */
	public long pastYearClass(School school, int grade, String letter) {
		long year = Db.insert(db.sql("""
				insert into school_academic_year (institution_id, name, starts_on, ends_on, current_year)
				values (:i, '2025/2026', :s, :e, false)""")
			.param("i", school.id()).param("s", LocalDate.of(2025, 9, 1)).param("e", LocalDate.of(2026, 5, 31)));
		return schoolClass(new School(school.municipalityId(), school.id(), year), grade, letter);
	}

	/** Signs a request in with a principal that still carries the given grant, whatever the database says now. */
	public RequestPostProcessor asWithGrants(Account account, Role role, School school, long personId) {
		return SecurityMockMvcRequestPostProcessors.user(new AccountPrincipal(account.id(), account.login(), null,
				account.displayName(), List.of(new RoleGrant(-1, role, school.id(), personId, "")), true));
	}

	/** A dated lesson of a class (or a group of it), 45 minutes from 8:00 + 55 minutes per number, planned as scheduled. */
	public long lesson(School school, long classId, Long groupId, long subjectId, long teacherId, LocalDate date, int number) {
		java.time.LocalTime start = java.time.LocalTime.of(8, 0).plusMinutes(55L * (number - 1));
		return Db.insert(db.sql("""
				insert into timetable_lesson (institution_id, class_id, group_id, subject_id, teacher_id, lesson_date, shift,
				  number, starts_at, ends_at, room, status)
				values (:i, :c, :g, :s, :t, :d, 1, :n, :st, :en, :r, 'SCHEDULED')""")
			.param("i", school.id()).param("c", classId).param("g", groupId).param("s", subjectId).param("t", teacherId)
			.param("d", date).param("n", number).param("st", start).param("en", start.plusMinutes(45))
			.param("r", String.valueOf(100 + number)));
	}

	/** Marks a lesson as taught by a substitute, with a reason. */
	public void substitute(long lessonId, long staffId, String reason) {
		db.sql("update timetable_lesson set substitute_id = :s, change_reason = :r where id = :id").param("s", staffId)
			.param("r", reason).param("id", lessonId).update();
	}

	/** Cancels a lesson, with a reason. */
	public void cancelLesson(long lessonId, String reason) {
		db.sql("update timetable_lesson set status = 'CANCELLED', change_reason = :r where id = :id").param("r", reason)
			.param("id", lessonId).update();
	}

	/** Records that a lesson was moved here from another date and slot, with a reason. */
	public void movedLesson(long lessonId, LocalDate fromDate, int fromNumber, String reason) {
		db.sql("update timetable_lesson set moved_from_date = :d, moved_from_number = :n, change_reason = :r where id = :id")
			.param("d", fromDate).param("n", fromNumber).param("r", reason).param("id", lessonId).update();
	}

	/** A study period (a quarter by default) of the school's current year for all grades. */
	public long studyPeriod(School school, int number, LocalDate from, LocalDate to) {
		return Db.insert(db.sql("""
				insert into school_study_period (academic_year_id, scheme, number, starts_on, ends_on, grade_from, grade_to)
				values (:y, 'QUARTER', :n, :f, :t, 1, 11)""").param("y", school.yearId()).param("n", number)
			.param("f", from).param("t", to));
	}

	/** A type of work of the school's journal with its weight. */
	public long workType(School school, String name, int weight) {
		return Db.insert(db.sql("""
				insert into gradebook_work_type (institution_id, name, weight, position)
				values (:i, :n, :w, (select coalesce(max(position), 0) + 1 from gradebook_work_type where institution_id = :i))""")
			.param("i", school.id()).param("n", name).param("w", weight));
	}

	/**
	 * A journal cell of a student at a lesson: marks ("5", "P") of one type of work and an attendance
	 * letter (N, B, UP, OP or null), as the journal stores them (history and events left out).
	 */
	public void journalCell(School school, long lessonId, long studentId, String attendance, long workTypeId,
			String... marks) {
		long cell = Db.insert(db.sql("""
				insert into gradebook_cell (institution_id, lesson_id, student_id, attendance, version)
				values (:i, :l, :s, :a, 1)""").param("i", school.id()).param("l", lessonId).param("s", studentId)
			.param("a", attendance));
		for (int p = 0; p < marks.length; p++) {
			db.sql("""
					insert into gradebook_mark (cell_id, lesson_id, student_id, position, mark_value, work_type_id, posted_by, posted_at)
					values (:c, :l, :s, :p, :v, :w, 0, :at)""").param("c", cell).param("l", lessonId).param("s", studentId)
				.param("p", p + 1).param("v", marks[p]).param("w", workTypeId).param("at", Instant.now().atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	/** A lesson's topic in the journal. */
	public void topic(School school, long lessonId, String topic) {
		db.sql("""
				insert into gradebook_lesson (lesson_id, institution_id, topic, updated_by, updated_at)
				values (:l, :i, :t, 0, :at)""").param("l", lessonId).param("i", school.id()).param("t", topic)
			.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
	}

	/** A period mark set for a student (value "5", "P"...). */
	public void periodMark(School school, long classId, long subjectId, long studentId, long periodId, String value) {
		db.sql("""
				insert into gradebook_period_mark (institution_id, class_id, subject_id, student_id, period_id, mark_value,
				  proposed, version, set_by, set_at)
				values (:i, :c, :s, :st, :p, :v, :v, 1, 0, :at)""").param("i", school.id()).param("c", classId)
			.param("s", subjectId).param("st", studentId).param("p", periodId).param("v", value)
			.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
	}

	/** Puts a student in a group of their class. */
	public void groupMember(long groupId, long studentId) {
		db.sql("insert into school_group_member (group_id, student_id) values (:g, :s)").param("g", groupId)
			.param("s", studentId).update();
	}

	/** A remark (REMARK) or praise (PRAISE) written on a student by a staff member. */
	public void remark(School school, long studentId, String kind, String body, LocalDate date, long staffId) {
		db.sql("""
				insert into gradebook_remark (institution_id, student_id, kind, body, remark_date, author_id, created_at)
				values (:i, :s, :k, :b, :d, :a, :at)""").param("i", school.id()).param("s", studentId).param("k", kind)
			.param("b", body).param("d", date).param("a", staffId).param("at", Db.utc(java.time.Instant.now())).update();
	}

	/** Makes the staff member the class teacher of the class. */
	public void classTeacher(long classId, long staffId) {
		db.sql("update school_class set class_teacher_id = :s where id = :c").param("s", staffId).param("c", classId).update();
	}

	/**
	 * {@code n} students of the class, each with one guardian who has an account (GUARDIAN role),
	 * written directly in batches for volume tests; returns the guardians' account ids.
	 */
	public List<Long> guardianAccounts(School school, long classId, int n) {
		List<Long> accounts = new java.util.ArrayList<>();
		int base = next();
		for (int i = 0; i < n; i++) {
			long student = student(school, classId, "Ученик" + base, "Номер" + i);
			long guardian = guardian(school, "Родитель" + base, "Номер" + i, student);
			long account = Db.insert(db.sql("""
					insert into identity_account (login, display_name, enabled, created_at) values (:l, :n, true, :t)""")
				.param("l", "g" + base + "_" + i).param("n", "Родитель" + base + " Номер" + i)
				.param("t", Db.utc(java.time.Instant.now())));
			db.sql("""
					insert into identity_role_grant (account_id, role, institution_id, person_id, created_at)
					values (:a, 'GUARDIAN', :i, :p, :t)""").param("a", account).param("i", school.id()).param("p", guardian)
				.param("t", Db.utc(java.time.Instant.now())).update();
			accounts.add(account);
		}
		return accounts;
	}
}
