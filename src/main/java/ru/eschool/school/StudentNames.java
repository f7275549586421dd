package ru.eschool.school;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a notice about a student needs, for modules that tell families about a child
 * (notifications): names and guardians. The callers hold ids that came from the school's own
 * events; one statement per question.
 */
@Service
public class StudentNames {

	private final JdbcClient db;

	StudentNames(JdbcClient db) {
		this.db = db;
	}

	/**
	 * What a notice about a student says and whom it reaches: the student's name (null: no such
	 * student), the subject's name (null: none asked or no such subject) and the student's guardians.
	 */
	public record AboutStudent(long studentId, @Nullable PersonName name, @Nullable String subjectName,
			List<Long> guardianIds) {
	}

	/** {@link AboutStudent} in one statement; {@code subjectId} may be null. */
	public AboutStudent about(long studentId, @Nullable Long subjectId) {
		PersonName[] name = { null };
		String[] subject = { null };
		List<Long> guardians = new ArrayList<>();
		db.sql("""
				select 1, last_name, first_name, middle_name, cast(null as bigint) from school_student where id = :s
				union all
				select 2, name, cast(null as varchar(100)), cast(null as varchar(100)), cast(null as bigint)
				from school_subject where id = :sub
				union all
				select 3, cast(null as varchar(100)), cast(null as varchar(100)), cast(null as varchar(100)), guardian_id
				from school_guardianship where student_id = :s
				order by 1, 5""").param("s", studentId).param("sub", subjectId == null ? -1L : subjectId)
			.query(rs -> {
				switch (rs.getInt(1)) {
					case 1 -> name[0] = new PersonName(rs.getString(2), rs.getString(3), rs.getString(4));
					case 2 -> subject[0] = rs.getString(2);
					default -> guardians.add(rs.getLong(5));
				}
			});
		return new AboutStudent(studentId, name[0], subject[0], guardians);
	}
}
