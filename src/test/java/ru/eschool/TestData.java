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
}
