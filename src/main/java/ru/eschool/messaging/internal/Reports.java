package ru.eschool.messaging.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Reports of abusive messages, for the administration of the conversation's school. */
@Repository
public class Reports {

	/** A report with the message it is about. */
	public record Report(long id, long messageId, String reporterName, String reason, Instant at, String senderName,
			String body, Instant sentAt) {
	}

	private final JdbcClient db;

	Reports(JdbcClient db) {
		this.db = db;
	}

	/** Stores the report once per message and reporter; false when it was already there. */
	public boolean add(long institutionId, long messageId, long reporterAccountId, String reporterName, String reason,
			Instant now) {
		return db.sql("""
				insert into messaging_report (institution_id, message_id, reporter_account_id, reporter_name, reason, created_at)
				values (:i, :m, :a, :n, :r, :t) on conflict do nothing""").param("i", institutionId).param("m", messageId)
			.param("a", reporterAccountId).param("n", reporterName).param("r", reason).param("t", Db.utc(now)).update() > 0;
	}

	/** The reports of the school, newest first, with the reported message and its sender's name (one statement). */
	public List<Report> ofInstitution(long institutionId, int limit) {
		return db.sql("""
				select r.id, r.message_id, r.reporter_name, r.reason, r.created_at, s.name, m.body, m.created_at
				from messaging_report r
				join messaging_message m on m.id = r.message_id
				join messaging_participant s on s.conversation_id = m.conversation_id and s.account_id = m.sender_account_id
				where r.institution_id = :i order by r.id desc limit :n""").param("i", institutionId).param("n", limit)
			.query((rs, n) -> new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class).toInstant()))
			.list();
	}
}
