package ru.eschool.notification.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.eschool.gradebook.AbsenceReasonRecorded;
import ru.eschool.gradebook.AbsenceRecorded;
import ru.eschool.gradebook.MarkChanged;
import ru.eschool.gradebook.MarkPosted;
import ru.eschool.gradebook.PeriodMarkSet;
import ru.eschool.homework.HomeworkAssigned;
import ru.eschool.messaging.AnnouncementPublished;
import ru.eschool.messaging.Announcements;
import ru.eschool.messaging.MessageSent;
import ru.eschool.school.ClassMembers;
import ru.eschool.school.SchoolNames;
import ru.eschool.school.StudentNames;
import ru.eschool.school.StudentNames.AboutStudent;
import ru.eschool.timetable.LessonChanged;

/**
 * Turns other modules' events into notifications. Each listener runs after the publisher's commit
 * in its own transaction; Modulith's JDBC registry keeps the publication until it completes, so a
 * crash in between leaves it to be republished at the next start. The source key of each notice
 * makes a republished event create nothing twice.
 */
@Component
class NotificationListeners {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Notifier notifier;
	private final SchoolNames names;
	private final StudentNames students;
	private final ClassMembers members;
	private final ObjectProvider<Announcements> announcements;

	NotificationListeners(Notifier notifier, SchoolNames names, StudentNames students, ClassMembers members,
			ObjectProvider<Announcements> announcements) {
		this.notifier = notifier;
		this.names = names;
		this.students = students;
		this.members = members;
		this.announcements = announcements;
	}

	@ApplicationModuleListener
	void on(MarkPosted e) {
		AboutStudent s = students.about(e.studentId(), e.subjectId());
		aboutStudent(new Notice("mark:" + e.markId() + ":" + e.value(), Kind.MARK, e.institutionId(),
				"notification.text.mark", List.of(e.value(), subject(s), date(e.lessonDate()), name(s)), "/diary", false), s);
	}

	@ApplicationModuleListener
	void on(MarkChanged e) {
		AboutStudent s = students.about(e.studentId(), e.subjectId());
		String key = e.newValue() == null ? "notification.text.markDeleted" : "notification.text.markChanged";
		aboutStudent(new Notice("mark-changed:" + e.markId() + ":" + e.oldValue() + ">" + e.newValue(), Kind.MARK_CHANGED,
				e.institutionId(), key, List.of(e.oldValue(), e.newValue() == null ? "" : e.newValue(), subject(s),
						date(e.lessonDate()), name(s)), "/diary", false), s);
	}

	@ApplicationModuleListener
	void on(AbsenceRecorded e) {
		AboutStudent s = students.about(e.studentId(), e.subjectId());
		aboutStudent(new Notice("absence:" + e.lessonId() + ":" + e.studentId() + ":" + e.kind(), Kind.ABSENCE,
				e.institutionId(), "notification.text.absence." + e.kind().name(),
				List.of(name(s), subject(s), date(e.lessonDate())), "/diary", false), s);
	}

	@ApplicationModuleListener
	void on(AbsenceReasonRecorded e) {
		AboutStudent s = students.about(e.studentId(), null);
		aboutStudent(new Notice("absence-reason:" + e.studentId() + ":" + e.from() + ":" + e.to() + ":" + e.kind(),
				Kind.ABSENCE, e.institutionId(), "notification.text.absenceReason",
				List.of(name(s), date(e.from()), date(e.to()), String.valueOf(e.lessons()), e.reason()), "/diary",
				false), s);
	}

	@ApplicationModuleListener
	void on(PeriodMarkSet e) {
		AboutStudent s = students.about(e.studentId(), e.subjectId());
		aboutStudent(new Notice("period-mark:" + e.periodMarkId() + ":" + e.value(), Kind.PERIOD_MARK, e.institutionId(),
				"notification.text.periodMark", List.of(e.value(), subject(s), name(s)), "/diary/progress", false), s);
	}

	@ApplicationModuleListener
	void on(HomeworkAssigned e) {
		aboutClass(new Notice("homework:" + e.assignmentId(), Kind.HOMEWORK, e.institutionId(), "notification.text.homework",
				List.of(subjectName(e.subjectId()), date(e.dueOn())), "/diary", false), e.classId(), e.groupId());
	}

	@ApplicationModuleListener
	void on(LessonChanged e) {
		aboutClass(new Notice("lesson:" + e.lessonId() + ":" + e.kind() + ":" + e.date() + ":" + e.number(), Kind.LESSON,
				e.institutionId(), "notification.text.lesson." + e.kind().name(),
				List.of(date(e.date()), String.valueOf(e.number()), e.reason()), "/diary", false), e.classId(), e.groupId());
	}

	@ApplicationModuleListener
	void on(MessageSent e) {
		notifier.notify(new Notice("message:" + e.messageId(), Kind.MESSAGE, e.institutionId(), "notification.text.message",
				List.of(e.senderName(), e.preview()), "/messages/" + e.conversationId(), false), e.recipientAccountIds());
	}

	@ApplicationModuleListener
	void on(AnnouncementPublished e) {
		Announcements source = announcements.getIfAvailable();
		if (source == null) {
			throw new IllegalStateException("no Announcements bean to resolve the recipients of announcement " + e.announcementId());
		}
		notifier.notify(new Notice("announcement:" + e.announcementId(), Kind.ANNOUNCEMENT, e.institutionId(),
				e.urgent() ? "notification.text.announcementUrgent" : "notification.text.announcement",
				List.of(e.authorName(), e.title()), "/announcements/" + e.announcementId(), e.urgent()),
				source.recipientAccountIds(e.announcementId()));
	}

	/** A notice about one student, to the student and their guardians: one statement for the accounts. */
	private void aboutStudent(Notice notice, AboutStudent student) {
		notifier.notify(notice, notifier.studentAndGuardians(student));
	}

	private void aboutClass(Notice notice, long classId, @Nullable Long groupId) {
		List<Long> pupils = members.pupils(classId, groupId).stream().map(ClassMembers.Pupil::id).toList();
		notifier.notify(notice, notifier.studentsAndGuardians(pupils));
	}

	private String subjectName(long id) {
		return names.subjects(Set.of(id)).getOrDefault(id, "");
	}

	private static String subject(AboutStudent s) {
		return s.subjectName() == null ? "" : s.subjectName();
	}

	private static String name(AboutStudent s) {
		return s.name() == null ? "" : s.name().first() + " " + s.name().last();
	}

	private static String date(LocalDate d) {
		return DATE.format(d);
	}
}
