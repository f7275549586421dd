package ru.eschool.school.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.school.StudyScheme;
import ru.eschool.school.internal.Holidays.Holiday;
import ru.eschool.school.internal.StudyPeriods.Dates;
import ru.eschool.school.internal.StudyPeriods.Scheme;
import ru.eschool.school.internal.Years.Year;

/**
 * The rules of a school's calendar: a year's dates, its study periods per grade range and its
 * holidays. Checks return {@link Violation}s naming the form field; writes happen only on input
 * that passed the checks.
 */
@Service
public class AcademicCalendar {

	/** Grades a scheme can cover. */
	public static final int FIRST_GRADE = 1;
	public static final int LAST_GRADE = 11;

	static final Pattern YEAR_NAME = Pattern.compile("\\d{4}/\\d{4}");
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	/** What the form for a new year is filled with. */
	public record YearDraft(String name, LocalDate startsOn, LocalDate endsOn) {
	}

	private final Years years;
	private final StudyPeriods periods;
	private final Holidays holidays;
	private final Clock clock;

	AcademicCalendar(Years years, StudyPeriods periods, Holidays holidays, Clock clock) {
		this.years = years;
		this.periods = periods;
		this.holidays = holidays;
		this.clock = clock;
	}

	/** The year after the school's latest one; for a school with none, the year now running or next to come. */
	public YearDraft nextYear(long institutionId) {
		List<Year> all = years.of(institutionId);
		if (all.isEmpty()) {
			LocalDate today = LocalDate.now(clock);
			int start = today.getMonthValue() >= 6 ? today.getYear() : today.getYear() - 1;
			return new YearDraft(start + "/" + (start + 1), LocalDate.of(start, 9, 1), LocalDate.of(start + 1, 5, 31));
		}
		Year latest = all.get(0);
		int start = latest.startsOn().getYear() + 1;
		return new YearDraft(start + "/" + (start + 1), latest.startsOn().plusYears(1), latest.endsOn().plusYears(1));
	}

	/** Checks a new year (yearId null) or changed dates of an existing one. */
	public List<Violation> checkYear(long institutionId, @Nullable Long yearId, String name, LocalDate startsOn,
			LocalDate endsOn) {
		List<Violation> v = new ArrayList<>();
		String n = name.strip();
		if (!YEAR_NAME.matcher(n).matches()) {
			v.add(new Violation("name", "structure.year.name.format"));
		}
		else if (years.of(institutionId).stream().anyMatch(y -> y.name().equals(n) && !Long.valueOf(y.id()).equals(yearId))) {
			v.add(new Violation("name", "structure.year.name.taken", n));
		}
		if (!startsOn.isBefore(endsOn)) {
			v.add(new Violation("endsOn", "structure.year.dates.order"));
		}
		else if (ChronoUnit.DAYS.between(startsOn, endsOn) > 366) {
			v.add(new Violation("endsOn", "structure.year.dates.tooLong"));
		}
		else if (yearId != null) {
			boolean periodOutside = periods.schemesOf(yearId).stream().flatMap(s -> s.periods().stream())
				.anyMatch(p -> p.startsOn().isBefore(startsOn) || p.endsOn().isAfter(endsOn));
			boolean holidayOutside = holidays.ofYear(yearId).stream()
				.anyMatch(h -> h.startsOn().isBefore(startsOn) || h.endsOn().isAfter(endsOn));
			if (periodOutside || holidayOutside) {
				v.add(new Violation("", "structure.year.dates.cutsPeriods"));
			}
		}
		return v;
	}

	@Transactional
	public long createYear(long institutionId, String name, LocalDate startsOn, LocalDate endsOn, boolean current) {
		return years.create(institutionId, name.strip(), startsOn, endsOn, current);
	}

	/**
	 * Suggested dates of a scheme's periods in a year, after the usual Russian calendar: quarters
	 * with autumn, winter and spring holidays between them, trimesters split at December and March,
	 * half-years at the winter holidays. The first period starts with the year and the last ends
	 * with it; when the year's dates are unusual the year is split evenly instead.
	 */
	public List<Dates> defaultDates(StudyScheme scheme, Year year) {
		int y = year.startsOn().getYear();
		List<Dates> dates = switch (scheme) {
			case QUARTER -> List.of(new Dates(year.startsOn(), on(y, 10, 26)), new Dates(on(y, 11, 5), on(y, 12, 28)),
					new Dates(on(y + 1, 1, 9), on(y + 1, 3, 22)), new Dates(on(y + 1, 4, 1), year.endsOn()));
			case TRIMESTER -> List.of(new Dates(year.startsOn(), on(y, 11, 30)),
					new Dates(on(y, 12, 1), on(y + 1, 3, 1).minusDays(1)), new Dates(on(y + 1, 3, 1), year.endsOn()));
			case HALF_YEAR -> List.of(new Dates(year.startsOn(), on(y, 12, 28)), new Dates(on(y + 1, 1, 9), year.endsOn()));
		};
		return periodViolations(dates, year).isEmpty() ? dates : evenSplit(scheme.periods(), year);
	}

	/** Checks a scheme for a grade range; {@code except} is the scheme being edited, if any. */
	public List<Violation> checkScheme(Year year, int gradeFrom, int gradeTo, List<Dates> dates, @Nullable Scheme except) {
		List<Violation> v = new ArrayList<>();
		if (gradeFrom < FIRST_GRADE || gradeFrom > LAST_GRADE) {
			v.add(new Violation("gradeFrom", "structure.scheme.grades.range", FIRST_GRADE, LAST_GRADE));
		}
		if (gradeTo < FIRST_GRADE || gradeTo > LAST_GRADE) {
			v.add(new Violation("gradeTo", "structure.scheme.grades.range", FIRST_GRADE, LAST_GRADE));
		}
		else if (gradeTo < gradeFrom) {
			v.add(new Violation("gradeTo", "structure.scheme.grades.order"));
		}
		if (v.isEmpty()) {
			periods.schemesOf(year.id()).stream()
				.filter(s -> except == null || s.id() != except.id())
				.filter(s -> s.gradeFrom() <= gradeTo && gradeFrom <= s.gradeTo())
				.findFirst()
				.ifPresent(s -> v.add(new Violation("gradeFrom", "structure.scheme.grades.overlap", s.gradeFrom(), s.gradeTo())));
		}
		v.addAll(periodViolations(dates, year));
		return v;
	}

	@Transactional
	public void createScheme(Year year, StudyScheme scheme, int gradeFrom, int gradeTo, List<Dates> dates) {
		periods.create(year.id(), scheme, gradeFrom, gradeTo, dates);
	}

	@Transactional
	public void updateScheme(Scheme scheme, int gradeFrom, int gradeTo, List<Dates> dates) {
		periods.update(scheme, gradeFrom, gradeTo, dates);
	}

	@Transactional
	public void deleteScheme(Scheme scheme) {
		periods.delete(scheme);
	}

	public List<Violation> checkHoliday(Year year, LocalDate startsOn, LocalDate endsOn, int gradeFrom, int gradeTo) {
		List<Violation> v = new ArrayList<>();
		if (gradeFrom < FIRST_GRADE || gradeFrom > LAST_GRADE) {
			v.add(new Violation("holidayGradeFrom", "structure.scheme.grades.range", FIRST_GRADE, LAST_GRADE));
		}
		if (gradeTo < FIRST_GRADE || gradeTo > LAST_GRADE) {
			v.add(new Violation("holidayGradeTo", "structure.scheme.grades.range", FIRST_GRADE, LAST_GRADE));
		}
		else if (gradeTo < gradeFrom) {
			v.add(new Violation("holidayGradeTo", "structure.scheme.grades.order"));
		}
		if (endsOn.isBefore(startsOn)) {
			v.add(new Violation("holidayTo", "structure.holiday.dates.order"));
		}
		else if (startsOn.isBefore(year.startsOn()) || endsOn.isAfter(year.endsOn())) {
			v.add(new Violation("holidayFrom", "structure.dates.outsideYear", day(year.startsOn()), day(year.endsOn())));
		}
		return v;
	}

	public Optional<Holiday> findHoliday(long institutionId, long holidayId) {
		return holidays.find(institutionId, holidayId);
	}

	/** "01.09.2026", how dates are written in messages. */
	public static String day(LocalDate date) {
		return DAY.format(date);
	}

	/** Periods lie in the year, each ends on or after it starts, and each starts after the previous ends. */
	private static List<Violation> periodViolations(List<Dates> dates, Year year) {
		List<Violation> v = new ArrayList<>();
		for (int i = 0; i < dates.size(); i++) {
			Dates d = dates.get(i);
			int n = i + 1;
			if (d.endsOn().isBefore(d.startsOn())) {
				v.add(new Violation("end" + n, "structure.period.dates.order"));
			}
			else if (d.startsOn().isBefore(year.startsOn()) || d.endsOn().isAfter(year.endsOn())) {
				v.add(new Violation("start" + n, "structure.dates.outsideYear", day(year.startsOn()), day(year.endsOn())));
			}
			else if (i > 0 && !d.startsOn().isAfter(dates.get(i - 1).endsOn())) {
				v.add(new Violation("start" + n, "structure.period.dates.overlap", day(dates.get(i - 1).endsOn())));
			}
		}
		return v;
	}

	private static List<Dates> evenSplit(int count, Year year) {
		long days = ChronoUnit.DAYS.between(year.startsOn(), year.endsOn()) + 1;
		List<Dates> dates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			LocalDate from = year.startsOn().plusDays(days * i / count);
			LocalDate to = i == count - 1 ? year.endsOn() : year.startsOn().plusDays(days * (i + 1) / count - 1);
			dates.add(new Dates(from, to));
		}
		return dates;
	}

	private static LocalDate on(int year, int month, int day) {
		return MonthDay.of(month, day).atYear(year);
	}
}
