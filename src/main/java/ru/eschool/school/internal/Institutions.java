package ru.eschool.school.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/**
 * The region's municipalities and institutions, with aggregate figures only: a regional admin
 * sees counts, never children's names.
 */
@Repository
public class Institutions {

	public enum Kind { SCHOOL, KINDERGARTEN, ADDITIONAL }

	public record Municipality(long id, String name, long institutions, long students) {
	}

	public record InstitutionFigures(long id, long municipalityId, String municipality, String name, String shortName,
			Kind kind, long classes, long students, long staff, long admins) {
	}

	private static final String FIGURES = """
			select i.id, i.municipality_id, m.name, i.name, i.short_name, i.kind,
			  (select count(*) from school_class c where c.institution_id = i.id),
			  (select count(*) from school_student s where s.institution_id = i.id and s.active),
			  (select count(*) from school_staff f where f.institution_id = i.id and f.active),
			  (select count(*) from school_staff f where f.institution_id = i.id and f.active and f.position in ('DIRECTOR', 'DEPUTY'))
			from school_institution i join school_municipality m on m.id = i.municipality_id
			""";

	private final JdbcClient db;
	private final Clock clock;

	Institutions(JdbcClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	public List<Municipality> municipalities() {
		return db.sql("""
				select m.id, m.name,
				  (select count(*) from school_institution i where i.municipality_id = m.id),
				  (select count(*) from school_student s join school_institution i on i.id = s.institution_id
				   where i.municipality_id = m.id and s.active)
				from school_municipality m order by m.name""")
			.query((rs, n) -> new Municipality(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
	}

	public Optional<Municipality> municipality(long id) {
		return db.sql("""
				select m.id, m.name,
				  (select count(*) from school_institution i where i.municipality_id = m.id),
				  (select count(*) from school_student s join school_institution i on i.id = s.institution_id
				   where i.municipality_id = m.id and s.active)
				from school_municipality m where m.id = :id""").param("id", id)
			.query((rs, n) -> new Municipality(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).optional();
	}

	public List<InstitutionFigures> figures(long municipalityId) {
		return db.sql(FIGURES + " where i.municipality_id = :m order by i.short_name").param("m", municipalityId)
			.query(Institutions::figures).list();
	}

	public Optional<InstitutionFigures> figuresOf(long institutionId) {
		return db.sql(FIGURES + " where i.id = :id").param("id", institutionId).query(Institutions::figures).optional();
	}

	public boolean nameTaken(long municipalityId, String shortName) {
		return db.sql("""
				select count(*) from school_institution where municipality_id = :m and lower(short_name) = lower(:n)""")
			.param("m", municipalityId).param("n", shortName.strip()).query(Long.class).single() > 0;
	}

	public long create(long municipalityId, String name, String shortName, Kind kind) {
		return Db.insert(db.sql("""
				insert into school_institution (municipality_id, name, short_name, kind, created_at)
				values (:m, :n, :s, :k, :now)""").param("m", municipalityId).param("n", name.strip())
			.param("s", shortName.strip()).param("k", kind.name()).param("now", Db.utc(clock.instant())));
	}

	public long createMunicipality(String name) {
		return Db.insert(db.sql("insert into school_municipality (name) values (:n)").param("n", name.strip()));
	}

	/** A director or deputy of the institution: the people who may hold its admin role. */
	public record AdminStaff(long staffId, ru.eschool.school.PersonName name) {
	}

	public List<AdminStaff> adminStaff(long institutionId) {
		return db.sql("""
				select id, last_name, first_name, middle_name from school_staff
				where institution_id = :i and active and position in ('DIRECTOR', 'DEPUTY') order by last_name, id""")
			.param("i", institutionId)
			.query((rs, n) -> new AdminStaff(rs.getLong(1),
					new ru.eschool.school.PersonName(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
	}

	private static InstitutionFigures figures(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new InstitutionFigures(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				Kind.valueOf(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
	}
}
