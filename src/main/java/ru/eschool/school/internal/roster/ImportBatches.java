package ru.eschool.school.internal.roster;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Uploaded roster files between preview and import, always read within their institution. */
@Repository
public class ImportBatches {

	public enum Status { PREVIEWED, DONE }

	public record Batch(long id, long institutionId, RosterKind kind, @Nullable String fileName, String charset,
			String separator, boolean createClasses, @Nullable String ignoredPersonal, @Nullable String ignoredOther,
			byte[] content, Status status, long createdBy, Instant createdAt, @Nullable Instant doneAt, int added,
			int linked, int skipped, @Nullable String newClasses, @Nullable String newSubjects) {
	}

	/** What an import did. */
	public record Result(int added, int linked, int skipped, String newClasses, String newSubjects) {
	}

	private final JdbcClient db;

	ImportBatches(JdbcClient db) {
		this.db = db;
	}

	public long create(long institutionId, RosterFile file, @Nullable String fileName, boolean createClasses,
			long accountId, Instant now) {
		return Db.insert(db.sql("""
				insert into school_import_batch (institution_id, kind, file_name, charset, separator_char, create_classes,
				  ignored_personal, ignored_other, content, status, created_by, created_at)
				values (:i, :k, :f, :cs, :sep, :cc, :ip, :io, :content, 'PREVIEWED', :by, :at)""")
			.param("i", institutionId).param("k", file.kind().name()).param("f", fileName)
			.param("cs", file.charset()).param("sep", file.separator()).param("cc", createClasses)
			.param("ip", joined(file.ignoredPersonal())).param("io", joined(file.ignoredOther()))
			.param("content", file.stored()).param("by", accountId).param("at", Db.utc(now)));
	}

	/** A batch of the institution; empty for another school's id (callers answer 404). */
	public Optional<Batch> find(long institutionId, long id) {
		return db.sql("""
				select id, institution_id, kind, file_name, charset, separator_char, create_classes, ignored_personal,
				  ignored_other, content, status, created_by, created_at, done_at, added, linked, skipped, new_classes,
				  new_subjects
				from school_import_batch where id = :id and institution_id = :i""")
			.param("id", id).param("i", institutionId)
			.query((rs, n) -> new Batch(rs.getLong(1), rs.getLong(2), RosterKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
					rs.getString(9), rs.getBytes(10), Status.valueOf(rs.getString(11)), rs.getLong(12),
					rs.getObject(13, java.time.OffsetDateTime.class).toInstant(),
					rs.getObject(14, java.time.OffsetDateTime.class) == null ? null
							: rs.getObject(14, java.time.OffsetDateTime.class).toInstant(),
					rs.getInt(15), rs.getInt(16), rs.getInt(17), rs.getString(18), rs.getString(19)))
			.optional();
	}

	/**
	 * Claims a previewed batch for import. Only one transaction can move it from PREVIEWED to DONE
	 * (the row is locked until that transaction ends), so a second click imports nothing.
	 */
	public boolean claim(long institutionId, long id, Instant now) {
		return db.sql("""
				update school_import_batch set status = 'DONE', done_at = :at
				where id = :id and institution_id = :i and status = 'PREVIEWED'""")
			.param("at", Db.utc(now)).param("id", id).param("i", institutionId).update() == 1;
	}

	/** Keeps what the import did; the content becomes the lines that were added. */
	public void recordResult(long id, Result result, byte[] addedLines) {
		db.sql("""
				update school_import_batch set added = :a, linked = :l, skipped = :s, new_classes = :nc,
				  new_subjects = :ns, content = :c where id = :id""")
			.param("a", result.added()).param("l", result.linked()).param("s", result.skipped())
			.param("nc", cut(result.newClasses(), 1000)).param("ns", cut(result.newSubjects(), 2000))
			.param("c", addedLines).param("id", id).update();
	}

	/** Previews nobody imported are dropped after a day: they hold people's names. */
	public int forgetStale(long institutionId, Instant before) {
		return db.sql("""
				delete from school_import_batch where institution_id = :i and status = 'PREVIEWED' and created_at < :t""")
			.param("i", institutionId).param("t", Db.utc(before)).update();
	}

	private static @Nullable String joined(java.util.List<String> names) {
		return names.isEmpty() ? null : cut(String.join(", ", names), 1000);
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
