package ru.eschool.timetable.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.school.TeachingDirectory;
import ru.eschool.school.TeachingDirectory.ClassInfo;
import ru.eschool.school.TeachingDirectory.Names;

/**
 * Adds and removes lines of a class's weekly timetable, refusing what cannot be: a teacher in two
 * places at once, a room taken twice, a class with two lessons at the same time (only two
 * different groups of a class may share a slot). A slot's time comes from the bells, so slots of
 * two shifts that overlap in time are checked too.
 */
@Service
public class WeeklyTemplate {

	/** What the admin chose: a weekday (1-6), a slot, a subject with its teacher, a group or none, a room. */
	public record NewEntry(int weekday, int shift, int number, long subjectId, long teacherId, @Nullable Long groupId,
			@Nullable String room) {
	}

	private final TemplateEntries entries;
	private final Bells bells;
	private final TeachingDirectory directory;

	WeeklyTemplate(TemplateEntries entries, Bells bells, TeachingDirectory directory) {
		this.entries = entries;
		this.bells = bells;
		this.directory = directory;
	}

	/**
	 * Adds the entry, or says what stops it (field "slot", "teacher", "room" or "weekday"). Not one
	 * transaction on purpose: the checks read, then one insert writes; when another admin booked the
	 * teacher or the room in between, the unique indexes refuse the insert and the checks run again
	 * to say what is in the way, as if the other entry had been there first.
	 */
	public List<Problem> add(ClassInfo klass, NewEntry e) {
		List<Problem> problems = new ArrayList<>();
		if (e.weekday() < 1 || e.weekday() > 6) {
			problems.add(new Problem("weekday", "timetable.template.weekday"));
		}
		String room = Rooms.normalize(e.room());
		if (room != null && room.length() > Rooms.MAX_LENGTH) {
			problems.add(new Problem("room", "timetable.room.tooLong", Rooms.MAX_LENGTH));
		}
		Bell bell = bells.find(klass.institutionId(), e.shift(), e.number()).orElse(null);
		if (bell == null) {
			problems.add(new Problem("slot", "timetable.template.noSlot"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		List<TemplateEntry> near = entries.overlapping(klass.institutionId(), klass.academicYearId(), e.weekday(),
				bell.startsAt(), bell.endsAt());
		problems.addAll(conflicts(klass, e.teacherId(), e.groupId(), room, near));
		if (problems.isEmpty()) {
			try {
				entries.insert(new TemplateEntry(0, klass.institutionId(), klass.academicYearId(), klass.id(), e.groupId(),
						e.weekday(), e.shift(), e.number(), e.subjectId(), e.teacherId(), room));
			}
			catch (DuplicateKeyException race) {
				problems.addAll(conflicts(klass, e.teacherId(), e.groupId(), room, entries.overlapping(klass.institutionId(),
						klass.academicYearId(), e.weekday(), bell.startsAt(), bell.endsAt())));
				if (problems.isEmpty()) {
					problems.add(new Problem("slot", "timetable.conflict.taken"));
				}
			}
		}
		return problems;
	}

	/** Removes an entry; dated lessons made from it stay as they are. */
	@Transactional
	public void remove(TemplateEntry entry) {
		entries.delete(entry.id());
	}

	private List<Problem> conflicts(ClassInfo klass, long teacherId, @Nullable Long groupId, @Nullable String room,
			List<TemplateEntry> near) {
		if (near.isEmpty()) {
			return List.of();
		}
		Set<Long> subjects = new HashSet<>();
		Set<Long> staff = new HashSet<>(Set.of(teacherId));
		Set<Long> classes = new HashSet<>();
		Set<Long> groups = new HashSet<>();
		for (TemplateEntry x : near) {
			subjects.add(x.subjectId());
			staff.add(x.teacherId());
			classes.add(x.classId());
			if (x.groupId() != null) {
				groups.add(x.groupId());
			}
		}
		Names names = directory.names(subjects, staff, classes, groups);
		List<Problem> problems = new ArrayList<>();
		for (TemplateEntry x : near) {
			if (x.teacherId() == teacherId) {
				problems.add(new Problem("teacher", "timetable.conflict.teacher", names.staffShort(teacherId),
						label(names, x)));
				break;
			}
		}
		if (room != null) {
			for (TemplateEntry x : near) {
				if (room.equals(x.room())) {
					problems.add(new Problem("room", "timetable.conflict.room", room, label(names, x)));
					break;
				}
			}
		}
		for (TemplateEntry x : near) {
			if (x.classId() == klass.id() && clash(groupId, x.groupId())) {
				problems.add(new Problem("slot", "timetable.conflict.classSlot", label(names, x)));
				break;
			}
		}
		return problems;
	}

	/** Two lessons of one class clash unless they are for two different groups. */
	static boolean clash(@Nullable Long group, @Nullable Long other) {
		return group == null || other == null || Objects.equals(group, other);
	}

	/** "5Б (Группа 1), Математика": which lesson is in the way. */
	static String label(Names names, TemplateEntry x) {
		return names.className(x.classId()) + (x.groupId() == null ? "" : " (" + names.group(x.groupId()) + ")") + ", "
				+ names.subject(x.subjectId());
	}
}
