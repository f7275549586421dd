package ru.eschool.school.internal.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.school.internal.Classes;
import ru.eschool.school.internal.Classes.ClassName;
import ru.eschool.school.internal.Guardians;
import ru.eschool.school.internal.StaffMembers;
import ru.eschool.school.internal.Students;
import ru.eschool.school.internal.Subjects;
import ru.eschool.school.internal.Years;
import ru.eschool.school.internal.roster.ImportBatches.Batch;
import ru.eschool.school.internal.roster.ImportBatches.Result;
import ru.eschool.school.internal.roster.RosterCheck.AddGuardian;
import ru.eschool.school.internal.roster.RosterCheck.AddLink;
import ru.eschool.school.internal.roster.RosterCheck.AddStaff;
import ru.eschool.school.internal.roster.RosterCheck.AddStudent;
import ru.eschool.school.internal.roster.RosterCheck.Checked;
import ru.eschool.shared.Actor;
import ru.eschool.shared.NotFound;
import ru.eschool.shared.Role;

/**
 * Roster import for a school admin: upload (the file is checked and kept), preview (checked again
 * against the school as it is now), import (all lines in one transaction, or none).
 */
@Service
public class RosterImport {

	/** The file no longer passes the checks (the school changed since the preview): nothing was imported. */
	public static final class Rejected extends RuntimeException {

		public Rejected() {
			super("rejected", null, false, false);
		}
	}

	/** A batch with its current report. */
	public record Preview(Batch batch, Report report) {
	}

	private final ImportBatches batches;
	private final RosterCheck check;
	private final Years years;
	private final Classes classes;
	private final Students students;
	private final Guardians guardians;
	private final StaffMembers staff;
	private final Subjects subjects;
	private final Clock clock;

	RosterImport(ImportBatches batches, RosterCheck check, Years years, Classes classes, Students students,
			Guardians guardians, StaffMembers staff, Subjects subjects, Clock clock) {
		this.batches = batches;
		this.check = check;
		this.years = years;
		this.classes = classes;
		this.students = students;
		this.guardians = guardians;
		this.staff = staff;
		this.subjects = subjects;
		this.clock = clock;
	}

	/** Reads and keeps an uploaded file; the id is that of its preview. */
	@Transactional
	public long upload(Actor actor, RosterKind kind, byte[] bytes, @Nullable String fileName, boolean createClasses)
			throws Csv.Unreadable {
		actor.require(Role.SCHOOL_ADMIN);
		RosterFile file = RosterFile.read(kind, bytes);
		Instant now = clock.instant();
		batches.forgetStale(actor.institutionId(), now.minus(Duration.ofDays(1)));
		String name = fileName == null ? null : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
		return batches.create(actor.institutionId(), file, name, createClasses && kind == RosterKind.STUDENTS,
				actor.accountId(), now);
	}

	@Transactional(readOnly = true)
	public Preview preview(Actor actor, long batchId) {
		Batch batch = batch(actor, batchId);
		List<RosterFile.Line> lines = RosterFile.fromStored(batch.kind(), batch.content());
		return new Preview(batch, check.check(actor.institutionId(), batch.kind(), lines, batch.createClasses()).report());
	}

	public Batch batch(Actor actor, long batchId) {
		actor.require(Role.SCHOOL_ADMIN);
		return batches.find(actor.institutionId(), batchId).orElseThrow(NotFound::new);
	}

	/**
	 * Imports a previewed batch: all its lines or, when any line fails the checks now, none. The
	 * batch is claimed first (PREVIEWED to DONE) in the same transaction, so a second confirm, even
	 * a concurrent one, imports nothing; a rejected import rolls the claim back too.
	 */
	@Transactional
	public void confirm(Actor actor, long batchId) {
		Batch batch = batch(actor, batchId);
		long institutionId = actor.institutionId();
		if (!batches.claim(institutionId, batchId, clock.instant())) {
			return;
		}
		List<RosterFile.Line> lines = RosterFile.fromStored(batch.kind(), batch.content());
		Checked checked = check.check(institutionId, batch.kind(), lines, batch.createClasses());
		if (!checked.report().importable()) {
			throw new Rejected();
		}
		Result result = apply(institutionId, checked);
		batches.recordResult(batchId, result, RosterFile.stored(batch.kind(), checked.plan().addedLines()));
	}

	private Result apply(long institutionId, Checked checked) {
		RosterCheck.Plan plan = checked.plan();
		Map<String, Long> classIds = new HashMap<>();
		LocalDate joinedOn = LocalDate.now(clock);
		if (plan.yearId() != null) {
			Years.Year year = years.current(institutionId).orElseThrow();
			if (joinedOn.isBefore(year.startsOn())) {
				joinedOn = year.startsOn();
			}
			classes.ofYear(plan.yearId()).forEach(c -> classIds.put(c.name(), c.id()));
			for (ClassName c : plan.newClasses()) {
				classIds.put(c.grade() + c.letter(), classes.create(institutionId, plan.yearId(), c.grade(), c.letter(), null));
			}
		}
		Map<String, Long> subjectIds = new HashMap<>();
		subjects.of(institutionId).forEach(s -> subjectIds.put(RosterCheck.key(s.name()), s.id()));
		for (String s : plan.newSubjects()) {
			subjectIds.put(RosterCheck.key(s), subjects.create(institutionId, s, false));
		}
		Map<String, Long> newGuardians = new HashMap<>();
		int added = 0;
		int linked = 0;
		for (Object step : plan.steps()) {
			if (step instanceof AddStudent s) {
				long id = students.create(institutionId, s.name(), s.email(), s.phone());
				students.enrol(id, classIds.get(s.classKey()), joinedOn, Students.JoinReason.ENROLLED);
				added++;
			}
			else if (step instanceof AddGuardian g) {
				newGuardians.put(g.key(), guardians.create(institutionId, g.name(), g.email(), g.phone()));
				added++;
			}
			else if (step instanceof AddLink l) {
				long guardianId = l.guardianId() != null ? l.guardianId() : newGuardians.get(l.guardianKey());
				guardians.link(guardianId, l.studentId(), l.relation());
				linked++;
			}
			else if (step instanceof AddStaff s) {
				long id = staff.create(institutionId, s.name(), s.position(), s.email(), s.phone());
				for (String subject : s.subjects()) {
					staff.addSubject(id, subjectIds.get(RosterCheck.key(subject)));
				}
				added++;
			}
		}
		return new Result(added, linked, (int) checked.report().skipped(), String.join(", ", checked.report().newClasses()),
				String.join(", ", plan.newSubjects()));
	}
}
