package ru.eschool.gradebook.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.gradebook.Remarks;
import ru.eschool.gradebook.Remarks.Kind;
import ru.eschool.gradebook.Remarks.Remark;
import ru.eschool.school.ClassMembers;
import ru.eschool.school.ClassMembers.Pupil;
import ru.eschool.school.Teaching;
import ru.eschool.school.Teaching.ClassSubject;
import ru.eschool.school.Teaching.SchoolClass;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;

/**
 * Remarks and praise: a teacher of a class (teaching it or leading it) writes them on a current
 * student of that class, optionally in a subject taught there. Out of scope is 404.
 */
@Service
public class RemarkBook {

	/** At most this many characters in a remark. */
	public static final int MAX_LENGTH = 500;

	/** Whom a remark is about, as the actor may write it. */
	public record Target(SchoolClass schoolClass, Pupil pupil, @Nullable ClassSubject subject) {
	}

	private final Teaching teaching;
	private final ClassMembers members;
	private final StudentRemarks store;
	private final Remarks remarks;
	private final Clock clock;

	RemarkBook(Teaching teaching, ClassMembers members, StudentRemarks store, Remarks remarks, Clock clock) {
		this.teaching = teaching;
		this.members = members;
		this.store = store;
		this.remarks = remarks;
		this.clock = clock;
	}

	/** The student of the class the teacher may write about; 404 for anyone else. */
	public Target target(Actor actor, long classId, long studentId, @Nullable Long subjectId) {
		actor.require(Role.TEACHER);
		long inst = actor.institutionId();
		SchoolClass c = teaching.schoolClass(inst, classId).orElseThrow(NotFound::new);
		if (!members.maySee(actor, classId)) {
			throw new NotFound();
		}
		Pupil pupil = members.pupils(classId, null).stream().filter(p -> p.id() == studentId).findFirst()
			.orElseThrow(NotFound::new);
		ClassSubject subject = subjectId == null ? null
				: teaching.classSubject(inst, classId, subjectId).orElseThrow(NotFound::new);
		return new Target(c, pupil, subject);
	}

	/** The student's remarks and praise of the last year, newest first. */
	public List<Remark> recent(Target target) {
		LocalDate today = LocalDate.now(clock);
		return remarks.of(List.of(target.pupil().id()), today.minusYears(1), today);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Writes the remark, or returns the refused fields (field → message key) and writes nothing:
	 * the kind and a text of up to {@value #MAX_LENGTH} characters are required, the date must be
	 * a real day not after today.
	 */
	@Transactional
	public Map<String, String> write(Actor actor, Target target, String kind, String body, String date) {
		Map<String, String> errors = new LinkedHashMap<>();
		Kind k = null;
		try {
			k = Kind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException e) {
			errors.put("kind", "gradebook.remark.error.kind");
		}
		String text = body.strip();
		if (text.isEmpty()) {
			errors.put("body", "gradebook.remark.error.required");
		}
		else if (text.length() > MAX_LENGTH) {
			errors.put("body", "gradebook.remark.error.tooLong");
		}
		LocalDate day = null;
		try {
			day = LocalDate.parse(date.strip());
			if (day.isAfter(today())) {
				errors.put("date", "gradebook.remark.error.future");
			}
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.put("date", "gradebook.remark.error.date");
		}
		if (!errors.isEmpty() || k == null || day == null) {
			return errors;
		}
		store.add(actor.institutionId(), target.pupil().id(), target.subject() == null ? null : target.subject().subjectId(),
				k, text, day, actor.personId(), clock.instant());
		return errors;
	}
}
