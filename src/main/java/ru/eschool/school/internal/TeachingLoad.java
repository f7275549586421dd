package ru.eschool.school.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.AccountDirectory;
import ru.eschool.school.internal.ClassGroups.Group;
import ru.eschool.school.internal.StaffMembers.Staff;
import ru.eschool.shared.NotFound;

/**
 * Teaching assignments and the staff changes that touch them. Every id a form sends is looked up
 * within the admin's institution: another school's subject, class or group is {@link NotFound},
 * exactly as if it did not exist.
 */
@Service
public class TeachingLoad {

	private final TeachingAssignments assignments;
	private final Subjects subjects;
	private final Classes classes;
	private final ClassGroups groups;
	private final StaffMembers staff;
	private final AccountDirectory accounts;

	TeachingLoad(TeachingAssignments assignments, Subjects subjects, Classes classes, ClassGroups groups,
			StaffMembers staff, AccountDirectory accounts) {
		this.accounts = accounts;
		this.assignments = assignments;
		this.subjects = subjects;
		this.classes = classes;
		this.groups = groups;
		this.staff = staff;
	}

	/** Assigns a subject in a class (or a group of it) to a staff member; returns what stopped it, if anything. */
	@Transactional
	public List<Violation> assign(long institutionId, Staff teacher, long subjectId, long classId,
			@Nullable Long groupId) {
		subjects.find(institutionId, subjectId).orElseThrow(NotFound::new);
		classes.find(institutionId, classId).orElseThrow(NotFound::new);
		if (groupId != null) {
			Group group = groups.find(institutionId, groupId).orElseThrow(NotFound::new);
			if (group.classId() != classId) {
				return List.of(new Violation("groupId", "structure.assignment.group.otherClass"));
			}
		}
		if (!teacher.active()) {
			return List.of(new Violation("", "structure.assignment.inactive"));
		}
		if (assignments.exists(teacher.id(), subjectId, classId, groupId)) {
			return List.of(new Violation("", "structure.assignment.exists"));
		}
		assignments.add(teacher.id(), subjectId, classId, groupId);
		return List.of();
	}

	/**
	 * A staff member leaves the school: the record and its history stay, but their teaching
	 * assignments end and the classes they led have no class teacher, so that they no longer see
	 * the students.
	 */
	@Transactional
	public void deactivate(Staff member) {
		assignments.deleteOfStaff(member.id());
		classes.dropClassTeacher(member.id());
		staff.setActive(member.id(), false);
		accounts.revokeStaffAccess(member.id());
	}
}
