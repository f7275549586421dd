package ru.eschool.school.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.eschool.shared.Db;

/** Groups within a class ("Английский, группа 1") and their members. */
@Repository
public class ClassGroups {

	public record Group(long id, long classId, String name) {
	}

	private final JdbcClient db;

	ClassGroups(JdbcClient db) {
		this.db = db;
	}

	public List<Group> ofClass(long classId) {
		return db.sql("select id, class_id, name from school_class_group where class_id = :c order by name")
			.param("c", classId).query(Group.class).list();
	}

	/** Groups of all classes of a year, for choosing one in a teaching assignment. */
	public List<Group> ofYear(long yearId) {
		return db.sql("""
				select g.id, g.class_id, g.name from school_class_group g join school_class c on c.id = g.class_id
				where c.academic_year_id = :y order by c.grade, c.letter, g.name""").param("y", yearId)
			.query(Group.class).list();
	}

	/** A group of one of the institution's classes, or empty (scoping). */
	public Optional<Group> find(long institutionId, long groupId) {
		return db.sql("""
				select g.id, g.class_id, g.name from school_class_group g join school_class c on c.id = g.class_id
				where g.id = :id and c.institution_id = :i""").param("id", groupId).param("i", institutionId)
			.query(Group.class).optional();
	}

	public boolean nameTaken(long classId, String name, long exceptId) {
		return db.sql("select count(*) from school_class_group where class_id = :c and name = :n and id <> :x")
			.param("c", classId).param("n", name.strip()).param("x", exceptId).query(Long.class).single() > 0;
	}

	public long create(long classId, String name) {
		return Db.insert(db.sql("insert into school_class_group (class_id, name) values (:c, :n)").param("c", classId)
			.param("n", name.strip()));
	}

	public void rename(long groupId, String name) {
		db.sql("update school_class_group set name = :n where id = :id").param("n", name.strip()).param("id", groupId)
			.update();
	}

	/** Members of each group of a class, counting only students currently in the class. */
	public Map<Long, Set<Long>> membersOf(long classId) {
		Map<Long, Set<Long>> members = new HashMap<>();
		db.sql("""
				select m.group_id, m.student_id from school_group_member m
				join school_class_group g on g.id = m.group_id
				join school_enrolment e on e.student_id = m.student_id and e.class_id = g.class_id and e.left_on is null
				where g.class_id = :c""").param("c", classId)
			.query(rs -> {
				members.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
			});
		return members;
	}

	/** Replaces the members (callers check that each is a current student of the group's class). */
	@org.springframework.transaction.annotation.Transactional
	public void setMembers(long groupId, Collection<Long> studentIds) {
		db.sql("delete from school_group_member where group_id = :g").param("g", groupId).update();
		for (long s : studentIds) {
			db.sql("insert into school_group_member (group_id, student_id) values (:g, :s)").param("g", groupId)
				.param("s", s).update();
		}
	}

	/** Empty: no current members and no teaching assignment; only such a group may be deleted. */
	public boolean isEmpty(Group group) {
		long assigned = db.sql("select count(*) from school_teaching_assignment where group_id = :g")
			.param("g", group.id()).query(Long.class).single();
		return assigned == 0 && membersOf(group.classId()).getOrDefault(group.id(), Set.of()).isEmpty();
	}

	public void delete(long groupId) {
		db.sql("delete from school_group_member where group_id = :g").param("g", groupId).update();
		db.sql("delete from school_class_group where id = :g").param("g", groupId).update();
	}
}
