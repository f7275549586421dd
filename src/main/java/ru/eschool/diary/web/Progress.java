package ru.eschool.diary.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import ru.eschool.school.SchoolRoster.StudentSummary;
import ru.eschool.school.StudyCalendar.StudyPeriod;

/** The progress of one student in one study period: what the progress page and the report card show. */
public record Progress(StudentSummary student, List<StudyPeriod> periods, @Nullable StudyPeriod period,
		List<SubjectLine> subjects) {
}
