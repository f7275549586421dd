package ru.eschool.diary.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.eschool.diary.DiaryEntries;
import ru.eschool.gradebook.Attendance;
import ru.eschool.gradebook.StudentRecords;
import ru.eschool.gradebook.StudentRecords.MarkRecord;
import ru.eschool.gradebook.StudentRecords.Records;
import ru.eschool.timetable.Lesson;

/** The week view's journal entries with the lessons' topics, read through the gradebook's API in one statement. */
@Component
class GradebookEntries implements DiaryEntries {

	private final StudentRecords records;

	GradebookEntries(StudentRecords records) {
		this.records = records;
	}

	@Override
	public Map<Key, LessonEntries> forLessons(Collection<Long> studentIds, Collection<Lesson> lessons) {
		Map<Key, LessonEntries> result = new HashMap<>();
		if (studentIds.isEmpty() || lessons.isEmpty()) {
			return result;
		}
		Records r = records.ofLessons(studentIds, lessons);
		Map<Key, List<MarkEntry>> marks = new HashMap<>();
		for (MarkRecord m : r.marks()) {
			marks.computeIfAbsent(new Key(m.studentId(), m.lessonId()), k -> new ArrayList<>())
				.add(new MarkEntry(m.value().token(), m.workType(), m.weight()));
		}
		Set<Key> keys = new HashSet<>(marks.keySet());
		r.attendance().keySet().forEach(k -> keys.add(new Key(k.studentId(), k.lessonId())));
		for (long student : studentIds) {
			r.topics().keySet().forEach(lesson -> keys.add(new Key(student, lesson)));
		}
		for (Key k : keys) {
			Attendance a = r.attendance().get(new StudentRecords.Key(k.studentId(), k.lessonId()));
			result.put(k, new LessonEntries(r.topics().get(k.lessonId()), marks.getOrDefault(k, List.of()),
					a == null ? null : a.letter(), a == null ? null : a.messageKey()));
		}
		return result;
	}
}
