package ru.eschool.school.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.eschool.shared.InstitutionDirectory;

@Component
class InstitutionNames implements InstitutionDirectory {

	private final JdbcClient db;

	InstitutionNames(JdbcClient db) {
		this.db = db;
	}

	@Override
	public Map<Long, String> shortNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		db.sql("select id, short_name from school_institution where id in (:ids)").param("ids", ids)
			.query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}
}
