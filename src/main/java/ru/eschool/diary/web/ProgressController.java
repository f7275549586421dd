package ru.eschool.diary.web;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import ru.eschool.gradebook.MarkValue;
import ru.eschool.gradebook.StudentRecords;
import ru.eschool.gradebook.YearMarkSet;
import ru.eschool.gradebook.StudentRecords.SubjectRecord;
import ru.eschool.school.SchoolNames;
import ru.eschool.school.SchoolRoster;
import ru.eschool.school.SchoolRoster.StudentSummary;
import ru.eschool.school.StudyCalendar;
import ru.eschool.school.StudyCalendar.StudyPeriod;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;

/**
 * A child's progress in a study period, subject by subject (the student's own at
 * {@code /diary/progress}, a guardian's child at {@code /diary/{studentId}/progress}), and the
 * report card (табель) of the period as a PDF. Scoped like the week page: a student sees
 * themselves, a guardian linked children; another id is 404, staff 403.
 */
@Controller
class ProgressController {

	private final SchoolRoster roster;
	private final StudyCalendar calendar;
	private final StudentRecords records;
	private final SchoolNames names;
	private final Clock clock;

	ProgressController(SchoolRoster roster, StudyCalendar calendar, StudentRecords records, SchoolNames names, Clock clock) {
		this.roster = roster;
		this.calendar = calendar;
		this.records = records;
		this.names = names;
		this.clock = clock;
	}

	@GetMapping("/diary/progress")
	String own(Actor actor, @RequestParam(required = false) @Nullable Long period, Model model) {
		actor.require(Role.STUDENT, Role.GUARDIAN);
		List<StudentSummary> students = roster.ownStudents(actor);
		if (students.isEmpty()) {
			return "redirect:/diary";
		}
		return page(actor, students, students.get(0), period, model);
	}

	@GetMapping("/diary/{studentId}/progress")
	String child(Actor actor, @PathVariable long studentId, @RequestParam(required = false) @Nullable Long period,
			Model model) {
		actor.require(Role.STUDENT, Role.GUARDIAN);
		List<StudentSummary> students = roster.ownStudents(actor);
		return page(actor, students, chosen(students, studentId), period, model);
	}

	@GetMapping("/diary/{studentId}/report.pdf")
	ResponseEntity<byte[]> reportCard(Actor actor, @PathVariable long studentId,
			@RequestParam(required = false) @Nullable Long period) {
		actor.require(Role.STUDENT, Role.GUARDIAN);
		Progress progress = progress(chosen(roster.ownStudents(actor), studentId), period);
		if (progress.period() == null) {
			throw new NotFound();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportCardPdf.write(progress, out);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("report-" + studentId + "-" + progress.period().id() + ".pdf")
						.build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(out.toByteArray());
	}

	private static StudentSummary chosen(List<StudentSummary> students, long studentId) {
		return students.stream().filter(s -> s.id() == studentId).findFirst().orElseThrow(NotFound::new);
	}

	private String page(Actor actor, List<StudentSummary> students, StudentSummary student, @Nullable Long periodId,
			Model model) {
		model.addAttribute("students", students);
		model.addAttribute("isStudent", actor.is(Role.STUDENT));
		model.addAttribute("progress", progress(student, periodId));
		return "diary/progress";
	}

	/** Eight statements whatever the period holds: periods, lessons, groups, cells, rules, period and year marks, names. */
	Progress progress(StudentSummary student, @Nullable Long periodId) {
		if (student.classId() == null) {
			if (periodId != null) {
				throw new NotFound();
			}
			return new Progress(student, List.of(), null, List.of());
		}
		long classId = student.classId();
		List<StudyPeriod> periods = calendar.periodsOfClass(classId);
		StudyPeriod period = choose(periods, periodId);
		if (period == null) {
			return new Progress(student, periods, null, List.of());
		}
		Map<Long, SubjectRecord> bySubject = records.period(student.id(), classId, period,
				periods.stream().map(StudyPeriod::id).toList());
		Map<Long, String> subjectNames = names.subjects(bySubject.keySet());
		List<SubjectLine> lines = new ArrayList<>();
		Map<Long, Map<YearMarkSet.Kind, MarkValue>> year = records.yearMarks(student.id(), classId);
		bySubject.forEach((id, r) -> {
			Map<YearMarkSet.Kind, MarkValue> own = year.getOrDefault(id, Map.of());
			lines.add(SubjectLine.of(subjectNames.getOrDefault(id, ""), r, period, own.get(YearMarkSet.Kind.ANNUAL),
					own.get(YearMarkSet.Kind.FINAL)));
		});
		lines.sort(java.util.Comparator.comparing(SubjectLine::name));
		return new Progress(student, periods, period, lines);
	}

	/** The asked period of the class (404 if it is not one), else the one under way or the last begun. */
	private @Nullable StudyPeriod choose(List<StudyPeriod> periods, @Nullable Long periodId) {
		return StudyCalendar.choose(periods, periodId, LocalDate.now(clock));
	}
}
