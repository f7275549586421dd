package ru.eschool.gradebook.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** A school's types of work with their weights; the usual ones are created on first use. */
@Repository
public class WorkTypes {

	public record WorkType(long id, String name, int weight, int position) {
	}

	/** The defaults: name (Russian, as schools call them; a school renames them) and weight. */
	static final List<Object[]> DEFAULTS = List.of(new Object[] { "Ответ на уроке", 1 },
			new Object[] { "Домашняя работа", 1 }, new Object[] { "Самостоятельная работа", 2 },
			new Object[] { "Проверочная работа", 2 }, new Object[] { "Диктант", 2 },
			new Object[] { "Лабораторная работа", 2 }, new Object[] { "Контрольная работа", 3 });

	private final JdbcClient db;

	WorkTypes(JdbcClient db) {
		this.db = db;
	}

	/**
	 * The keyboard code of each type, typed after a mark in a journal cell ("5к"): the shortest
	 * start of its name (lower case, without spaces) that starts no other type's name; the whole
	 * name when it is the start of another. Computed, not stored: a renamed type gets a new code.
	 */
	public static java.util.Map<Long, String> codes(List<WorkType> types) {
		java.util.Map<Long, String> codes = new java.util.LinkedHashMap<>();
		for (WorkType t : types) {
			String name = compact(t.name());
			String code = name;
			for (int n = 1; n <= name.length(); n++) {
				String prefix = name.substring(0, n);
				if (types.stream().noneMatch(o -> o.id() != t.id() && compact(o.name()).startsWith(prefix))) {
					code = prefix;
					break;
				}
			}
			codes.put(t.id(), code);
		}
		return codes;
	}

	private static String compact(String name) {
		return name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
	}

	public List<WorkType> of(long institutionId) {
		List<WorkType> types = list(institutionId);
		if (!types.isEmpty()) {
			return types;
		}
		for (int i = 0; i < DEFAULTS.size(); i++) {
			db.sql("""
					insert into gradebook_work_type (institution_id, name, weight, position) values (:i, :n, :w, :p)
					on conflict do nothing""").param("i", institutionId).param("n", DEFAULTS.get(i)[0])
				.param("w", DEFAULTS.get(i)[1]).param("p", i + 1).update();
		}
		return list(institutionId);
	}

	private List<WorkType> list(long institutionId) {
		return db.sql("select id, name, weight, position from gradebook_work_type where institution_id = :i order by position, id")
			.param("i", institutionId).query((rs, n) -> new WorkType(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.list();
	}

	public long add(long institutionId, String name, int weight) {
		return Db.insert(db.sql("""
				insert into gradebook_work_type (institution_id, name, weight, position)
				values (:i, :n, :w, (select coalesce(max(position), 0) + 1 from gradebook_work_type where institution_id = :i))""")
			.param("i", institutionId).param("n", name.strip()).param("w", weight));
	}

	public boolean update(long institutionId, long id, String name, int weight) {
		return db.sql("update gradebook_work_type set name = :n, weight = :w where id = :id and institution_id = :i")
			.param("n", name.strip()).param("w", weight).param("id", id).param("i", institutionId).update() == 1;
	}

	public boolean nameTaken(long institutionId, String name, long exceptId) {
		return db.sql("select count(*) from gradebook_work_type where institution_id = :i and lower(name) = lower(:n) and id <> :x")
			.param("i", institutionId).param("n", name.strip()).param("x", exceptId).query(Long.class).single() > 0;
	}
}
