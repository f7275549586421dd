package ru.eschool.school.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.school.PersonName;
import ru.eschool.shared.Db;
import ru.eschool.shared.NotFound;

/** Guardians (parents and legal representatives) and their links to students. */
@Repository
public class Guardians {

	public enum Relation { MOTHER, FATHER, GUARDIAN, OTHER }

	public record Guardian(long id, long institutionId, PersonName name, @Nullable String email,
			@Nullable String phone) {
	}

	private final JdbcClient db;

	Guardians(JdbcClient db) {
		this.db = db;
	}

	public long create(long institutionId, PersonName name, @Nullable String email, @Nullable String phone) {
		return Db.insert(db.sql("""
				insert into school_guardian (institution_id, last_name, first_name, middle_name, email, phone)
				values (:i, :l, :f, :m, :e, :p)""").param("i", institutionId).param("l", name.last())
			.param("f", name.first()).param("m", name.middle()).param("e", email).param("p", phone));
	}

	public Optional<Guardian> find(long institutionId, long guardianId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, email, phone from school_guardian
				where id = :id and institution_id = :i""").param("id", guardianId).param("i", institutionId)
			.query((rs, n) -> new Guardian(rs.getLong(1), rs.getLong(2),
					new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
					rs.getString(7)))
			.optional();
	}

	/** Links a guardian to a student; linking twice changes nothing. */
	public void link(long guardianId, long studentId, Relation relation) {
		db.sql("""
				insert into school_guardianship (guardian_id, student_id, relation) values (:g, :s, :r)
				on conflict do nothing""").param("g", guardianId).param("s", studentId).param("r", relation.name()).update();
		db.sql("update school_guardianship set relation = :r where guardian_id = :g and student_id = :s")
			.param("r", relation.name()).param("g", guardianId).param("s", studentId).update();
	}

	/** Links a guardian and a student of one school; 404 (nothing changed) when either is of another. */
	public void linkInSchool(long institutionId, long guardianId, long studentId, Relation relation) {
		requireBothIn(institutionId, guardianId, studentId);
		link(guardianId, studentId, relation);
	}

	/** Unlinks a guardian and a student of one school; 404 (nothing changed) when either is of another. */
	public void unlinkInSchool(long institutionId, long guardianId, long studentId) {
		requireBothIn(institutionId, guardianId, studentId);
		unlink(guardianId, studentId);
	}

	private void requireBothIn(long institutionId, long guardianId, long studentId) {
		long found = db.sql("""
				select count(*) from school_guardian g, school_student s
				where g.id = :g and s.id = :s and g.institution_id = :i and s.institution_id = :i""")
			.param("g", guardianId).param("s", studentId).param("i", institutionId).query(Long.class).single();
		if (found == 0) {
			throw new NotFound();
		}
	}

	public void unlink(long guardianId, long studentId) {
		db.sql("delete from school_guardianship where guardian_id = :g and student_id = :s").param("g", guardianId)
			.param("s", studentId).update();
	}

	/** A guardian as linked to one student. */
	public record LinkedGuardian(Guardian guardian, Relation relation) {
	}

	/** A student as linked to one guardian, with the student's current class ("" when none). */
	public record Child(long studentId, PersonName name, String className, Relation relation, boolean active) {
	}

	private static final String SELECT = """
			select g.id, g.institution_id, g.last_name, g.first_name, g.middle_name, g.email, g.phone
			from school_guardian g""";

	public void update(long institutionId, long guardianId, PersonName name, @Nullable String email,
			@Nullable String phone) {
		int n = db.sql("""
				update school_guardian set last_name = :l, first_name = :f, middle_name = :m, email = :e, phone = :p
				where id = :id and institution_id = :i""").param("l", name.last()).param("f", name.first())
			.param("m", name.middle()).param("e", email).param("p", phone).param("id", guardianId)
			.param("i", institutionId).update();
		if (n == 0) {
			throw new NotFound();
		}
	}

	/** A page of the school's guardians by last name, optionally matching a part of the full name (limit + 1 rows). */
	public List<Guardian> search(long institutionId, @Nullable String nameLike, int limit, int offset) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where g.institution_id = :i");
		Map<String, Object> params = new HashMap<>();
		params.put("i", institutionId);
		params.put("lim", limit + 1);
		params.put("off", offset);
		if (nameLike != null && !nameLike.isBlank()) {
			sql.append(" and lower(g.last_name || ' ' || g.first_name || ' ' || coalesce(g.middle_name, '')) like :q");
			params.put("q", Students.likePattern(nameLike));
		}
		sql.append(" order by g.last_name, g.first_name, g.id limit :lim offset :off");
		return db.sql(sql.toString()).params(params).query(Guardians::guardian).list();
	}

	/** The guardians of a student, with their relation (the student is checked by the caller). */
	public List<LinkedGuardian> ofStudent(long studentId) {
		return db.sql("""
				select g.id, g.institution_id, g.last_name, g.first_name, g.middle_name, g.email, g.phone, l.relation
				from school_guardian g join school_guardianship l on l.guardian_id = g.id
				where l.student_id = :s order by g.last_name, g.first_name""").param("s", studentId)
			.query((rs, n) -> new LinkedGuardian(guardian(rs, n), Relation.valueOf(rs.getString(8))))
			.list();
	}

	/** The children of these guardians, by guardian: one statement for a whole list page. */
	public Map<Long, List<Child>> childrenOf(Collection<Long> guardianIds) {
		Map<Long, List<Child>> children = new HashMap<>();
		if (guardianIds.isEmpty()) {
			return children;
		}
		db.sql("""
				select l.guardian_id, s.id, s.last_name, s.first_name, s.middle_name,
				       cast(c.grade as varchar(2)) || c.letter, l.relation, s.active
				from school_guardianship l
				join school_student s on s.id = l.student_id
				left join school_enrolment e on e.student_id = s.id and e.left_on is null
				left join school_class c on c.id = e.class_id
				where l.guardian_id in (:ids) order by s.last_name, s.first_name""")
			.param("ids", guardianIds)
			.query(rs -> {
				children.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Child(rs.getLong(2), new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)),
							rs.getString(6) == null ? "" : rs.getString(6), Relation.valueOf(rs.getString(7)),
							rs.getBoolean(8)));
			});
		return children;
	}

	/** Parses a relation from a form ("MOTHER"); empty for anything else. */
	public static Optional<Relation> relation(@Nullable String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Relation.valueOf(value.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static Guardian guardian(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Guardian(rs.getLong(1), rs.getLong(2), new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)),
				rs.getString(6), rs.getString(7));
	}

	/** All guardians of the institution, in one statement. */
	public List<Guardian> ofInstitution(long institutionId) {
		return db.sql("""
				select id, institution_id, last_name, first_name, middle_name, email, phone from school_guardian
				where institution_id = :i order by id""").param("i", institutionId)
			.query((rs, n) -> new Guardian(rs.getLong(1), rs.getLong(2),
					new PersonName(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getString(6),
					rs.getString(7)))
			.list();
	}

	public record Link(long guardianId, long studentId) {
	}

	/** All guardian-student links of the institution's guardians, in one statement. */
	public List<Link> linksOf(long institutionId) {
		return db.sql("""
				select gs.guardian_id, gs.student_id from school_guardianship gs
				join school_guardian g on g.id = gs.guardian_id where g.institution_id = :i""")
			.param("i", institutionId).query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2))).list();
	}
}
