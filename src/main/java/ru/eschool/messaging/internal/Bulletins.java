package ru.eschool.messaging.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;
import ru.eschool.shared.Role;

/**
 * Announcements and their recipients. Recipients are resolved once, when an announcement is
 * published, by a single {@code insert ... select} over the school's and identity's tables (read
 * only; see docs/adr/0008-messaging.md): one row per account, whatever the size of the audience.
 */
@Repository
public class Bulletins {

	/** Whom an announcement goes to: kinds of people, in institutions, optionally only in some classes. */
	public record Audience(Set<Kind> kinds, Collection<Long> institutionIds, Collection<Long> classIds) {
	}

	public enum Kind {
		STUDENT, GUARDIAN, STAFF
	}

	public record Announcement(long id, @Nullable Long institutionId, long authorAccountId, String authorName, String title,
			String body, boolean urgent, String kinds, String audience, int recipients, Instant at) {
	}

	/** An announcement in a list: with, for a recipient, whether they have read it, for the author how many did. */
	public record Line(long id, String authorName, String title, boolean urgent, Instant at, boolean read, int recipients,
			int readers) {
	}

	/** A recipient who read it. */
	public record Reader(String name, Role role, Instant readAt) {
	}

	/** Counts of a read report by role: how many read of how many. */
	public record Tally(Role role, int read, int total) {
	}

	private final JdbcClient db;

	Bulletins(JdbcClient db) {
		this.db = db;
	}

	public long create(@Nullable Long institutionId, long authorAccountId, String authorName, String title, String body,
			boolean urgent, String kinds, String audience, Instant now) {
		return Db.insert(db.sql("""
				insert into messaging_announcement (institution_id, author_account_id, author_name, title, body, urgent, kinds, audience, created_at)
				values (:i, :a, :n, :t, :b, :u, :k, :au, :at)""").param("i", institutionId).param("a", authorAccountId)
			.param("n", authorName).param("t", title).param("b", body).param("u", urgent).param("k", kinds)
			.param("au", audience).param("at", Db.utc(now)));
	}

	/**
	 * Stores one row per recipient account of the audience (the author excluded) in one statement
	 * and records how many there were. Students and guardians are those of current classes of the
	 * current year; staff are active staff (in chosen classes: those who teach or lead them).
	 */
	public int fanOut(long announcementId, long authorAccountId, Audience audience) {
		boolean classes = !audience.classIds().isEmpty();
		String students = """
				select e.student_id from school_enrolment e
				join school_class c on c.id = e.class_id
				join school_academic_year y on y.id = c.academic_year_id and y.current_year = true
				join school_student st on st.id = e.student_id and st.active = true
				where e.left_on is null and c.institution_id in (:inst)""" + (classes ? " and c.id in (:classes)" : "");
		StringBuilder who = new StringBuilder();
		if (audience.kinds().contains(Kind.STUDENT)) {
			who.append(" or (g.role = 'STUDENT' and g.person_id in (").append(students).append("))");
		}
		if (audience.kinds().contains(Kind.GUARDIAN)) {
			who.append(" or (g.role = 'GUARDIAN' and g.person_id in (select gs.guardian_id from school_guardianship gs where gs.student_id in (")
				.append(students).append(")))");
		}
		if (audience.kinds().contains(Kind.STAFF)) {
			String staff = classes ? """
					select ta.staff_id from school_teaching_assignment ta where ta.class_id in (:classes)
					union select c.class_teacher_id from school_class c where c.id in (:classes) and c.class_teacher_id is not null"""
					: "select s.id from school_staff s where s.institution_id in (:inst)";
			who.append(" or (g.role in ('TEACHER', 'SCHOOL_ADMIN') and g.person_id in (select s2.id from school_staff s2 where s2.active = true and s2.institution_id in (:inst) and s2.id in (")
				.append(staff).append(")))");
		}
		if (who.isEmpty()) {
			return 0;
		}
		// one row per account: an account holding several matching roles (a teacher who is also a
		// parent) is listed once, under the first of its roles
		var insert = db.sql("""
				insert into messaging_recipient (announcement_id, account_id, role, name)
				select :id, a.id, min(g.role), a.display_name
				from identity_role_grant g join identity_account a on a.id = g.account_id
				where a.id <> :author and g.institution_id in (:inst) and (""" + who.substring(4) + """
				) group by a.id, a.display_name""").param("id", announcementId).param("author", authorAccountId)
			.param("inst", audience.institutionIds());
		if (classes) {
			insert = insert.param("classes", audience.classIds());
		}
		int n = insert.update();
		db.sql("update messaging_announcement set recipients = :n where id = :id").param("n", n).param("id", announcementId)
			.update();
		return n;
	}

	public List<Long> recipientAccountIds(long announcementId) {
		return db.sql("select account_id from messaging_recipient where announcement_id = :a order by account_id")
			.param("a", announcementId).query(Long.class).list();
	}

	/** The announcement, if the account wrote it or received it. */
	public Optional<Announcement> visibleTo(long accountId, long id) {
		return db.sql("""
				select a.id, a.institution_id, a.author_account_id, a.author_name, a.title, a.body, a.urgent, a.kinds, a.audience,
				  a.recipients, a.created_at
				from messaging_announcement a where a.id = :id and (a.author_account_id = :acc
				  or exists (select 1 from messaging_recipient r where r.announcement_id = a.id and r.account_id = :acc))""")
			.param("id", id).param("acc", accountId)
			.query((rs, n) -> new Announcement(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getInt(10),
					rs.getObject(11, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Marks it read by the account (first time only; true then); nothing for an account it was not sent to. */
	public boolean markRead(long accountId, long id, Instant now) {
		return db.sql("update messaging_recipient set read_at = :t where announcement_id = :a and account_id = :acc and read_at is null")
			.param("t", Db.utc(now)).param("a", id).param("acc", accountId).update() > 0;
	}

	/** Announcements the account received, newest first, with whether it read each (one statement). */
	public List<Line> received(long accountId, int limit) {
		return db.sql("""
				select a.id, a.author_name, a.title, a.urgent, a.created_at, r.read_at, a.recipients
				from messaging_recipient r join messaging_announcement a on a.id = r.announcement_id
				where r.account_id = :acc order by a.id desc limit :n""").param("acc", accountId).param("n", limit)
			.query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class) != null,
					rs.getInt(7), 0))
			.list();
	}

	/** Announcements the account wrote, newest first, with how many of how many read each (one statement). */
	public List<Line> sent(long accountId, int limit) {
		return db.sql("""
				select a.id, a.author_name, a.title, a.urgent, a.created_at, a.recipients,
				  (select count(*) from messaging_recipient r where r.announcement_id = a.id and r.read_at is not null)
				from messaging_announcement a where a.author_account_id = :acc order by a.id desc limit :n""")
			.param("acc", accountId).param("n", limit)
			.query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getObject(5, OffsetDateTime.class).toInstant(), true, rs.getInt(6), rs.getInt(7)))
			.list();
	}

	/** Read counts by role (one statement). */
	public List<Tally> tally(long id) {
		return db.sql("""
				select role, count(read_at), count(*) from messaging_recipient where announcement_id = :a group by role order by role""")
			.param("a", id).query((rs, n) -> new Tally(Role.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3))).list();
	}

	/** Who read it, first readers first (one statement). */
	public List<Reader> readers(long id, int limit) {
		return db.sql("""
				select name, role, read_at from messaging_recipient where announcement_id = :a and read_at is not null
				order by read_at, name limit :n""").param("a", id).param("n", limit)
			.query((rs, n) -> new Reader(rs.getString(1), Role.valueOf(rs.getString(2)),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Unread announcements of the account (one statement). */
	public int unread(long accountId) {
		return db.sql("select count(*) from messaging_recipient where account_id = :a and read_at is null").param("a", accountId)
			.query(Integer.class).single();
	}
}
