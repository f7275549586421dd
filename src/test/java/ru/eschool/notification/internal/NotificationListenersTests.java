package ru.eschool.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import ru.eschool.EschoolTest;
import ru.eschool.StatementCounter;
import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.gradebook.AbsenceReasonRecorded;
import ru.eschool.gradebook.Attendance;
import ru.eschool.gradebook.MarkPosted;
import ru.eschool.shared.Role;

/**
 * A notice about one student, called as the event registry calls it: what it says, whom it
 * reaches, and how few statements it takes (it runs for every mark a teacher posts).
 */
@EschoolTest
@Import(StatementCounter.class)
class NotificationListenersTests {

	@Autowired NotificationListeners proxy;
	@Autowired TestData data;
	@Autowired JdbcClient db;
	@Autowired TransactionTemplate tx;

	School school;
	long student;
	long math;
	Account pupil;
	Account mother;
	Account otherParent;

	/** The listeners themselves: the bean runs them on another thread (they are asynchronous). */
	NotificationListeners listeners;

	@BeforeEach
	void setUp() {
		listeners = AopTestUtils.getUltimateTargetObject(proxy);
		school = data.school();
		long classA = data.schoolClass(school, 6, "А");
		math = data.subject(school, "Математика");
		student = data.student(school, classA, "Петров", "Иван");
		long other = data.student(school, classA, "Сидорова", "Анна");
		long g = data.guardian(school, "Петрова", "Мария", student);
		data.guardian(school, "Петров", "Без аккаунта", student);
		long g2 = data.guardian(school, "Сидоров", "Олег", other);
		pupil = data.account("Петров Иван", TestData.grant(Role.STUDENT, school, student));
		mother = data.account("Петрова Мария", TestData.grant(Role.GUARDIAN, school, g));
		otherParent = data.account("Сидоров Олег", TestData.grant(Role.GUARDIAN, school, g2));
	}

	private List<String> args(Account a) {
		return db.sql("select args from notification_item where account_id = :a").param("a", a.id()).query(String.class)
			.list();
	}

	@Test
	void aMarkReachesTheStudentAndTheGuardiansWithAccountsInThreeStatementsAndItsItems() throws Exception {
		MarkPosted mark = new MarkPosted(TestData.next(), school.id(), 1L, student, math, LocalDate.of(2026, 10, 5), "5", 1L,
				1);
		int statements = StatementCounter.count(() -> tx.executeWithoutResult(s -> listeners.on(mark)));
		// the school's names and guardians in one read, their accounts in one, the items in one
		// INSERT ... SELECT (with e-mail, SMS or push on, their deliveries in one more; none is on here)
		assertThat(statements).isEqualTo(3);
		assertThat(args(pupil)).singleElement().asString().contains("5").contains("Математика").contains("05.10.2026")
			.contains("Иван Петров");
		assertThat(args(mother)).isEqualTo(args(pupil));
		assertThat(args(otherParent)).isEmpty();
	}

	@Test
	void anAbsenceReasonNamesNoSubjectAndReachesTheFamily() {
		tx.executeWithoutResult(s -> listeners.on(new AbsenceReasonRecorded(school.id(), 1L, student, LocalDate.of(2026, 10, 5),
				LocalDate.of(2026, 10, 6), Attendance.B, 3, "справка")));
		assertThat(args(mother)).singleElement().asString().contains("Иван Петров").contains("справка");
		assertThat(args(pupil)).isEqualTo(args(mother));
		assertThat(args(otherParent)).isEmpty();
	}
}
