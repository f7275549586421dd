package ru.eschool.messaging.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;
import ru.eschool.shared.FileStore;
import ru.eschool.shared.Role;

/**
 * Conversations, their two participants and their messages. Every read takes the account asking
 * and answers only for conversations it takes part in.
 */
@Repository
public class Conversations {

	/** One side of a conversation: the account, the role and person record it talks as. */
	public record Participant(long conversationId, long accountId, Role role, long personId, String name,
			long lastReadMessageId) {
	}

	/** A conversation as the asking account sees it: its own side and the other. */
	public record View(long id, long institutionId, Participant me, Participant other) {
	}

	/** A line of the inbox. */
	public record InboxLine(long id, @Nullable Instant lastAt, String otherName, Role otherRole, int unread,
			String preview) {
	}

	public record Message(long id, long senderAccountId, String body, Instant at, List<Attachment> attachments) {
	}

	public record Attachment(long id, long messageId, String name, String mediaType, long size, String sha256) {
	}

	/** A search hit among one's own messages. */
	public record Hit(long conversationId, long messageId, String otherName, String body, Instant at) {
	}

	private final JdbcClient db;

	Conversations(JdbcClient db) {
		this.db = db;
	}

	/** The conversation with both sides, if the account takes part in it (one statement). */
	public Optional<View> view(long accountId, long conversationId) {
		List<Participant> sides = new ArrayList<>();
		long[] institution = { 0 };
		db.sql("""
				select p.conversation_id, p.account_id, p.role, p.person_id, p.name, p.last_read_message_id, c.institution_id
				from messaging_participant p join messaging_conversation c on c.id = p.conversation_id
				where p.conversation_id = :c
				  and exists (select 1 from messaging_participant x where x.conversation_id = :c and x.account_id = :a)
				order by p.account_id""").param("c", conversationId).param("a", accountId).query(rs -> {
			sides.add(new Participant(rs.getLong(1), rs.getLong(2), Role.valueOf(rs.getString(3)), rs.getLong(4),
					rs.getString(5), rs.getLong(6)));
			institution[0] = rs.getLong(7);
		});
		if (sides.size() != 2) {
			return Optional.empty();
		}
		Participant me = sides.get(0).accountId() == accountId ? sides.get(0) : sides.get(1);
		Participant other = me == sides.get(0) ? sides.get(1) : sides.get(0);
		return Optional.of(new View(conversationId, institution[0], me, other));
	}

	/**
	 * The conversation of this school between these two sides, each as the same person record, if
	 * there is one. One account may act as several records (a teacher of two schools, a student who
	 * moved): each pair of records has its own conversation, checked against its own relation.
	 */
	public Optional<Long> between(long institutionId, long accountId, Role role, long personId, long otherAccountId,
			Role otherRole, long otherPersonId) {
		return db.sql("""
				select a.conversation_id from messaging_participant a
				join messaging_participant b on b.conversation_id = a.conversation_id
				join messaging_conversation c on c.id = a.conversation_id
				where a.account_id = :a and a.role = :r and a.person_id = :ap
				  and b.account_id = :b and b.role = :br and b.person_id = :bp and c.institution_id = :i
				order by a.conversation_id limit 1""").param("a", accountId).param("r", role.name())
			.param("ap", personId).param("b", otherAccountId).param("br", otherRole.name()).param("bp", otherPersonId)
			.param("i", institutionId).query(Long.class).optional();
	}

	public long create(long institutionId, Instant now) {
		return Db.insert(db.sql("insert into messaging_conversation (institution_id, created_at) values (:i, :t)")
			.param("i", institutionId).param("t", Db.utc(now)));
	}

	public void addParticipant(long conversationId, long accountId, Role role, long personId, String name) {
		db.sql("""
				insert into messaging_participant (conversation_id, account_id, role, person_id, name)
				values (:c, :a, :r, :p, :n)""").param("c", conversationId).param("a", accountId).param("r", role.name())
			.param("p", personId).param("n", name).update();
	}

	/** Stores a message; the sender has read everything up to it. */
	public long addMessage(long conversationId, long senderAccountId, String body, Instant now) {
		long id = Db.insert(db.sql("""
				insert into messaging_message (conversation_id, sender_account_id, body, created_at) values (:c, :s, :b, :t)""")
			.param("c", conversationId).param("s", senderAccountId).param("b", body).param("t", Db.utc(now)));
		db.sql("update messaging_conversation set last_message_id = :m, last_message_at = :t where id = :c")
			.param("m", id).param("t", Db.utc(now)).param("c", conversationId).update();
		markRead(senderAccountId, conversationId, id);
		return id;
	}

	public void addAttachment(long messageId, FileStore.Stored f) {
		db.sql("""
				insert into messaging_attachment (message_id, sha256, name, media_type, size_bytes) values (:m, :s, :n, :t, :z)""")
			.param("m", messageId).param("s", f.sha256()).param("n", f.name()).param("t", f.mediaType())
			.param("z", f.size()).update();
	}

	/** Marks the account's side read up to the message (never backwards); whether anything became read. */
	public boolean markRead(long accountId, long conversationId, long messageId) {
		return db.sql("""
				update messaging_participant set last_read_message_id = :m
				where conversation_id = :c and account_id = :a and last_read_message_id < :m""")
			.param("m", messageId).param("c", conversationId).param("a", accountId).update() > 0;
	}

	/** A page of a conversation: its messages oldest first, and whether earlier ones exist. */
	public record Page(List<Message> messages, boolean earlier) {
	}

	/**
	 * The latest {@code limit} messages of a conversation (before a message, when given) with their
	 * attachments, oldest first (two statements, whatever the conversation's length).
	 */
	public Page messages(long conversationId, @Nullable Long before, int limit) {
		var query = db.sql("""
				select id, sender_account_id, body, created_at from messaging_message where conversation_id = :c"""
				+ (before == null ? "" : " and id < :b") + " order by id desc limit :n")
			.param("c", conversationId).param("n", limit + 1);
		if (before != null) {
			query = query.param("b", before);
		}
		List<Object[]> rows = query.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3),
				rs.getObject(4, java.time.OffsetDateTime.class).toInstant() }).list();
		boolean earlier = rows.size() > limit;
		List<Object[]> shown = new ArrayList<>(rows.subList(0, Math.min(rows.size(), limit)));
		java.util.Collections.reverse(shown);
		Map<Long, List<Attachment>> files = new HashMap<>();
		db.sql("""
				select f.id, f.message_id, f.name, f.media_type, f.size_bytes, f.sha256 from messaging_attachment f
				join messaging_message m on m.id = f.message_id
				where m.conversation_id = :c and m.id between :lo and :hi order by f.id""")
			.param("c", conversationId).param("lo", shown.isEmpty() ? 0L : (long) shown.get(0)[0])
			.param("hi", shown.isEmpty() ? -1L : (long) shown.get(shown.size() - 1)[0])
			.query(rs -> {
				files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Attachment(rs.getLong(1), rs.getLong(2),
						rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
			});
		List<Message> messages = new ArrayList<>();
		for (Object[] r : shown) {
			long id = (long) r[0];
			messages.add(new Message(id, (long) r[1], (String) r[2], (Instant) r[3], files.getOrDefault(id, List.of())));
		}
		return new Page(messages, earlier);
	}

	/** The account's conversations, newest first, with the count of messages it has not read (one statement). */
	public List<InboxLine> inbox(long accountId, int limit) {
		return db.sql("""
				select c.id, c.last_message_at, o.name, o.role,
				  (select count(*) from messaging_message m where m.conversation_id = c.id
				     and m.id > me.last_read_message_id and m.sender_account_id <> me.account_id),
				  (select left(m.body, 120) from messaging_message m where m.id = c.last_message_id)
				from messaging_participant me
				join messaging_conversation c on c.id = me.conversation_id
				join messaging_participant o on o.conversation_id = c.id and o.account_id <> me.account_id
				where me.account_id = :a
				order by c.last_message_at desc, c.id desc
				limit :n""").param("a", accountId).param("n", limit)
			.query((rs, n) -> {
				java.time.OffsetDateTime at = rs.getObject(2, java.time.OffsetDateTime.class);
				String preview = rs.getString(6);
				return new InboxLine(rs.getLong(1), at == null ? null : at.toInstant(), rs.getString(3),
						Role.valueOf(rs.getString(4)), rs.getInt(5), preview == null ? "" : preview);
			})
			.list();
	}

	/** How many messages sent to the account it has not read, over all its conversations (one statement). */
	public int unread(long accountId) {
		return db.sql("""
				select count(*) from messaging_participant p
				join messaging_message m on m.conversation_id = p.conversation_id
				  and m.id > p.last_read_message_id and m.sender_account_id <> p.account_id
				where p.account_id = :a""").param("a", accountId).query(Integer.class).single();
	}

	/** How much of a message a search hit shows (50 hits of 4,000 characters would be a page of 200 KB). */
	public static final int SNIPPET = 300;

	/**
	 * The account's own messages (sent or received) containing the text, newest first, each cut to
	 * {@link #SNIPPET} characters (one statement).
	 */
	public List<Hit> search(long accountId, String text, int limit) {
		String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
		return db.sql("""
				select m.conversation_id, m.id, o.name, left(m.body, :snippet), m.created_at
				from messaging_participant me
				join messaging_message m on m.conversation_id = me.conversation_id
				join messaging_participant o on o.conversation_id = me.conversation_id and o.account_id <> me.account_id
				where me.account_id = :a and lower(m.body) like :q escape '\\'
				order by m.id desc limit :n""").param("a", accountId).param("q", pattern).param("n", limit)
			.param("snippet", SNIPPET)
			.query((rs, n) -> new Hit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	/** An attachment, if the account takes part in its conversation. */
	public Optional<Attachment> attachment(long accountId, long attachmentId) {
		return db.sql("""
				select f.id, f.message_id, f.name, f.media_type, f.size_bytes, f.sha256 from messaging_attachment f
				join messaging_message m on m.id = f.message_id
				join messaging_participant p on p.conversation_id = m.conversation_id and p.account_id = :a
				where f.id = :f""").param("a", accountId).param("f", attachmentId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
					rs.getString(6)))
			.optional();
	}

	/** The conversation of a message the account takes part in, with the message's sender. */
	public Optional<long[]> messageOf(long accountId, long messageId) {
		return db.sql("""
				select m.conversation_id, m.sender_account_id from messaging_message m
				join messaging_participant p on p.conversation_id = m.conversation_id and p.account_id = :a
				where m.id = :m""").param("a", accountId).param("m", messageId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional();
	}
}
