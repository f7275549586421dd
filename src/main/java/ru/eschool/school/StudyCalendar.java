package ru.eschool.school;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ru.eschool.school.internal.StudyPeriods;

/**
 * What other modules (the journal, the diary) may ask of a school's calendar: the study periods
 * that apply to a class, chosen by the class's grade and academic year. Dates of quarters are not
 * personal data, so these methods take a class id that the caller has already scoped.
 */
@Service
public class StudyCalendar {

	/** One quarter, trimester or half-year of a class's year. */
	public record StudyPeriod(long id, StudyScheme scheme, int number, LocalDate startsOn, LocalDate endsOn) {

		public boolean contains(LocalDate day) {
			return !day.isBefore(startsOn) && !day.isAfter(endsOn);
		}
	}

	private final StudyPeriods periods;

	StudyCalendar(StudyPeriods periods) {
		this.periods = periods;
	}

	/**
	 * The study periods of a class in date order (one statement); empty when the class is unknown or
	 * the school has no scheme yet for its grade.
	 */
	public List<StudyPeriod> periodsOfClass(long classId) {
		return periods.ofClass(classId);
	}

	/** The period of a class that contains the day; empty on holidays between periods. */
	public Optional<StudyPeriod> periodOn(long classId, LocalDate day) {
		return periodsOfClass(classId).stream().filter(p -> p.contains(day)).findFirst();
	}

	/** The study periods of the institution's current academic year, all schemes, in date order (one statement). */
	public List<StudyPeriod> periodsOfCurrentYear(long institutionId) {
		return periods.ofCurrentYear(institutionId);
	}

	/**
	 * The study periods of every class of the institution's current year, by class id, each list in
	 * date order (one statement).
	 */
	public java.util.Map<Long, List<StudyPeriod>> periodsOfClasses(long institutionId) {
		return periods.ofClassesOfCurrentYear(institutionId);
	}

	/**
	 * The period asked for among these (404 when it is not one of them), or else the one under way
	 * today, or the last one begun; null when there are none.
	 */
	public static @org.jspecify.annotations.Nullable StudyPeriod choose(List<StudyPeriod> periods,
			@org.jspecify.annotations.Nullable Long periodId, LocalDate today) {
		if (periodId != null) {
			return periods.stream().filter(p -> p.id() == periodId).findFirst()
				.orElseThrow(ru.eschool.shared.NotFound::new);
		}
		StudyPeriod chosen = null;
		for (StudyPeriod p : periods) {
			if (chosen == null || !p.startsOn().isAfter(today)) {
				chosen = p;
			}
		}
		return chosen;
	}

	/** A school holiday (каникулы), both days included. */
	public record Holiday(String name, LocalDate startsOn, LocalDate endsOn) {

		public boolean contains(LocalDate day) {
			return !day.isBefore(startsOn) && !day.isAfter(endsOn);
		}
	}

	/**
	 * The holidays of the academic year a class belongs to that apply to its grade (a holiday may be
	 * for some grades only, e.g. the first grade's February week), in date order (one statement).
	 */
	public List<Holiday> holidaysOfClass(long classId) {
		return periods.holidaysOfClass(classId);
	}
}
