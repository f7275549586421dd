package ru.eschool.homework.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.homework.HomeworkAssigned;
import ru.eschool.homework.internal.Assignments.Row;
import ru.eschool.homework.internal.HandIns.HandIn;
import ru.eschool.school.ClassMembers;
import ru.eschool.school.SchoolRoster;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;
import ru.eschool.timetable.Lesson;
import ru.eschool.timetable.Lessons;

/**
 * What people do with homework, each with its access check: the lesson's teacher (or its
 * substitute) sets it; a student of the class marks it done and hands in; the teacher marks
 * hand-ins. Anything outside the actor's reach is {@link NotFound} and changes nothing. Invalid
 * input comes back as messages per form field, and nothing is saved.
 */
@Service
public class HomeworkDesk {

	public static final int MAX_TEXT = 4000;
	public static final int MAX_LINKS = 10;
	static final int DUE_CHOICES = 8;

	/** An uploaded file: its name as sent, its size and content. */
	public record Upload(@Nullable String name, long size, byte[] bytes) {
	}

	/** The teacher's homework form. */
	public record Input(String text, String links, boolean handIn, @Nullable Long dueLessonId, @Nullable LocalDate dueOn,
			List<Upload> files) {
	}

	private final Lessons lessons;
	private final Assignments assignments;
	private final DoneMarks done;
	private final HandIns handIns;
	private final HomeworkFiles files;
	private final ClassMembers members;
	private final SchoolRoster roster;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	HomeworkDesk(Lessons lessons, Assignments assignments, DoneMarks done, HandIns handIns, HomeworkFiles files,
			ClassMembers members, SchoolRoster roster, ApplicationEventPublisher events, Clock clock) {
		this.lessons = lessons;
		this.assignments = assignments;
		this.done = done;
		this.handIns = handIns;
		this.files = files;
		this.members = members;
		this.roster = roster;
		this.events = events;
		this.clock = clock;
	}

	/** The lesson, if the actor teaches it (planned teacher or substitute); otherwise 404. */
	public Lesson lessonOfTeacher(Actor actor, long lessonId) {
		actor.require(Role.TEACHER);
		Lesson lesson = lessons.find(lessonId).orElseThrow(NotFound::new);
		if (lesson.institutionId() != actor.institutionId() || !teaches(actor, lesson)) {
			throw new NotFound();
		}
		return lesson;
	}

	private static boolean teaches(Actor actor, Lesson lesson) {
		long me = actor.personId();
		return lesson.teacherId() == me || Objects.equals(lesson.substituteId(), me);
	}

	/** The next lessons of the subject for the same class and group: when homework may be due. */
	public List<Lesson> dueChoices(Lesson lesson) {
		return lessons.ofSubject(lesson.classId(), lesson.subjectId(), lesson.date().plusDays(1), lesson.date().plusDays(70))
			.stream()
			.filter(l -> !l.cancelled() && Objects.equals(l.groupId(), lesson.groupId()))
			.limit(DUE_CHOICES)
			.toList();
	}

	/** Sets (or edits) the lesson's homework; returns messages per field, empty when saved. */
	@Transactional
	public Map<String, String> set(Actor actor, long lessonId, Input in) {
		Lesson lesson = lessonOfTeacher(actor, lessonId);
		Map<String, String> errors = new LinkedHashMap<>();
		String text = in.text().strip();
		if (text.isEmpty()) {
			errors.put("text", I18n.t("homework.text.empty"));
		}
		else if (text.length() > MAX_TEXT) {
			errors.put("text", I18n.t("homework.text.tooLong", MAX_TEXT));
		}
		List<String> urls = new ArrayList<>();
		for (String line : in.links().split("\\R")) {
			String url = line.strip();
			if (url.isEmpty()) {
				continue;
			}
			if (!validUrl(url)) {
				errors.putIfAbsent("links", I18n.t("homework.links.bad", url));
			}
			urls.add(url);
		}
		if (urls.size() > MAX_LINKS) {
			errors.putIfAbsent("links", I18n.t("homework.links.tooMany", MAX_LINKS));
		}
		for (Upload f : in.files()) {
			String problem = HomeworkFiles.problem(f.name(), f.size(), f.bytes());
			if (problem != null) {
				errors.putIfAbsent("files", I18n.t(problem, HomeworkFiles.safeName(f.name()), HomeworkFiles.MAX_BYTES / 1024 / 1024));
			}
		}
		List<Lesson> choices = dueChoices(lesson);
		@Nullable Long dueLesson = null;
		LocalDate dueOn = null;
		if (!choices.isEmpty()) {
			Optional<Lesson> chosen = choices.stream()
				.filter(l -> in.dueLessonId() == null || l.id() == in.dueLessonId())
				.findFirst();
			if (chosen.isEmpty()) {
				errors.put("dueLessonId", I18n.t("homework.due.bad"));
			}
			else {
				dueLesson = chosen.get().id();
				dueOn = chosen.get().date();
			}
		}
		else if (in.dueOn() == null || !in.dueOn().isAfter(lesson.date())) {
			errors.put("dueOn", I18n.t("homework.dueOn.bad"));
		}
		else {
			dueOn = in.dueOn();
		}
		if (!errors.isEmpty() || dueOn == null) {
			return errors;
		}
		var now = clock.instant();
		Optional<Row> old = assignments.byLesson(lesson.id());
		Row row = new Row(old.map(Row::id).orElse(0L), lesson.institutionId(), lesson.id(), lesson.classId(), lesson.groupId(),
				lesson.subjectId(), dueLesson, dueOn, text, in.handIn());
		long id;
		if (old.isPresent()) {
			id = old.get().id();
			assignments.update(row, actor.personId(), now);
		}
		else {
			id = assignments.insert(row, actor.personId(), now);
			events.publishEvent(new HomeworkAssigned(id, lesson.id(), lesson.institutionId(), lesson.classId(),
					lesson.groupId(), lesson.subjectId(), dueOn, in.handIn()));
		}
		assignments.replaceLinks(id, urls);
		for (Upload f : in.files()) {
			assignments.addFile(id, files.store(f.name(), f.bytes()));
		}
		return errors;
	}

	static boolean validUrl(String url) {
		if (url.length() > 1000) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	@Transactional
	public void removeFile(Actor actor, long lessonId, long fileId) {
		Lesson lesson = lessonOfTeacher(actor, lessonId);
		Row a = assignments.byLesson(lesson.id()).orElseThrow(NotFound::new);
		if (assignments.deleteFile(a.id(), fileId) == 0) {
			throw new NotFound();
		}
	}

	/** The homework, if the actor is a student of its class (and group); otherwise 404. */
	public Row ofStudent(Actor actor, long assignmentId) {
		actor.require(Role.STUDENT);
		Row a = assignments.byId(assignmentId).orElseThrow(NotFound::new);
		if (!members.learnsIn(actor.personId(), a.classId(), a.groupId())) {
			throw new NotFound();
		}
		return a;
	}

	@Transactional
	public void markDone(Actor actor, long assignmentId, boolean isDone) {
		Row a = ofStudent(actor, assignmentId);
		done.set(a.id(), actor.personId(), isDone, clock.instant());
	}

	public boolean isDone(long assignmentId, long studentId) {
		return done.isDone(assignmentId, studentId);
	}

	/** Hands in a text and/or a file; returns messages per field, empty when saved. */
	@Transactional
	public Map<String, String> handIn(Actor actor, long assignmentId, String text, @Nullable Upload file) {
		Row a = ofStudent(actor, assignmentId);
		if (!a.handIn()) {
			throw new NotFound();
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String body = text.strip();
		if (body.length() > MAX_TEXT) {
			errors.put("text", I18n.t("homework.text.tooLong", MAX_TEXT));
		}
		if (file != null) {
			String problem = HomeworkFiles.problem(file.name(), file.size(), file.bytes());
			if (problem != null) {
				errors.put("file", I18n.t(problem, HomeworkFiles.safeName(file.name()), HomeworkFiles.MAX_BYTES / 1024 / 1024));
			}
		}
		Optional<HandIn> old = handIns.of(a.id(), actor.personId());
		if (body.isEmpty() && file == null && old.map(h -> h.fileSha256() == null).orElse(true)) {
			errors.putIfAbsent("text", I18n.t("homework.handIn.empty"));
		}
		if (old.isPresent() && old.get().mark() != null) {
			errors.put("", I18n.t("homework.handIn.marked"));
		}
		if (!errors.isEmpty()) {
			return errors;
		}
		handIns.save(a.id(), actor.personId(), body.isEmpty() ? null : body,
				file == null ? null : files.store(file.name(), file.bytes()), clock.instant());
		return errors;
	}

	public Optional<HandIn> handInOf(long assignmentId, long studentId) {
		return handIns.of(assignmentId, studentId);
	}

	public List<HandIn> handInsOf(long assignmentId) {
		return handIns.ofAssignment(assignmentId);
	}

	/** The teacher marks a hand-in of their lesson's homework: 2 to 5 and a comment. */
	@Transactional
	public Map<String, String> markHandIn(Actor actor, long lessonId, long handInId, @Nullable Integer mark,
			@Nullable String comment) {
		Lesson lesson = lessonOfTeacher(actor, lessonId);
		Row a = assignments.byLesson(lesson.id()).orElseThrow(NotFound::new);
		HandIn h = handIns.byId(handInId).filter(x -> x.assignmentId() == a.id()).orElseThrow(NotFound::new);
		String c = comment == null ? "" : comment.strip();
		if (mark == null || mark < 2 || mark > 5) {
			return Map.of("mark", I18n.t("homework.mark.bad"));
		}
		if (c.length() > 500) {
			return Map.of("comment", I18n.t("homework.comment.tooLong", 500));
		}
		handIns.mark(h.id(), a.id(), mark, c.isEmpty() ? null : c, actor.personId(), clock.instant());
		return Map.of();
	}

	/** An attached file, if the actor may see the lesson's class (or teaches the lesson); otherwise 404. */
	public Assignments.FileRow fileFor(Actor actor, long fileId) {
		Assignments.FileRow f = assignments.file(fileId).orElseThrow(NotFound::new);
		Row a = assignments.byId(f.assignmentId()).orElseThrow(NotFound::new);
		if (!maySee(actor, a)) {
			throw new NotFound();
		}
		return f;
	}

	/** A hand-in, for the student who made it, their guardians, the lesson's teacher and the school's admins. */
	public HandIn handInFor(Actor actor, long handInId) {
		HandIn h = handIns.byId(handInId).orElseThrow(NotFound::new);
		Row a = assignments.byId(h.assignmentId()).orElseThrow(NotFound::new);
		boolean ok = switch (actor.role()) {
			case STUDENT, GUARDIAN -> {
				roster.student(actor, h.studentId());
				yield true;
			}
			case TEACHER -> lessons.find(a.lessonId()).filter(l -> l.institutionId() == actor.institutionId() && teaches(actor, l))
				.isPresent();
			case SCHOOL_ADMIN -> a.institutionId() == actor.institutionId();
			case REGION_ADMIN -> false;
		};
		if (!ok) {
			throw new NotFound();
		}
		return h;
	}

	private boolean maySee(Actor actor, Row a) {
		if (members.maySee(actor, a.classId())) {
			return true;
		}
		return actor.is(Role.TEACHER)
				&& lessons.find(a.lessonId()).filter(l -> l.institutionId() == actor.institutionId() && teaches(actor, l)).isPresent();
	}

	public Optional<Row> ofLesson(long lessonId) {
		return assignments.byLesson(lessonId);
	}

	public List<String> links(long assignmentId) {
		return assignments.links(assignmentId);
	}

	public List<Assignments.FileRow> files(long assignmentId) {
		return assignments.files(assignmentId);
	}

	public HomeworkFiles storage() {
		return files;
	}
}
