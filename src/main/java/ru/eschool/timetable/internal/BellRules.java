package ru.eschool.timetable.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The rules of a bell schedule (СанПиН as schools apply it): lessons between 08:00 and 19:00, a
 * lesson at most 45 minutes, breaks at least 10 minutes, slots of a shift in order. Reads what a
 * person typed into the bells form and says, field by field, what is wrong.
 */
public final class BellRules {

	public static final int MAX_SHIFTS = 2;
	public static final int MAX_SLOTS = 8;
	public static final LocalTime DAY_STARTS = LocalTime.of(8, 0);
	public static final LocalTime DAY_ENDS = LocalTime.of(19, 0);
	public static final int LONGEST_LESSON = 45;
	public static final int SHORTEST_BREAK = 10;

	private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2})[:.](\\d{2})\\s*");

	/** The slots read, when there is no problem; otherwise the problems, at most one per field. */
	public record Result(List<Bell> bells, List<Problem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	private BellRules() {
	}

	/** The form field of a slot's start or end: "b1_3_start". */
	public static String field(int shift, int number, boolean start) {
		return "b" + shift + "_" + number + (start ? "_start" : "_end");
	}

	/** A sensible schedule to start from: 45-minute lessons from 8:30, a 20-minute break after the 2nd. */
	public static List<Bell> proposal(int shifts) {
		List<Bell> bells = new ArrayList<>(slots(1, LocalTime.of(8, 30), 7));
		if (shifts > 1) {
			bells.addAll(slots(2, LocalTime.of(14, 0), 5));
		}
		return bells;
	}

	private static List<Bell> slots(int shift, LocalTime first, int count) {
		List<Bell> bells = new ArrayList<>();
		LocalTime start = first;
		for (int n = 1; n <= count; n++) {
			LocalTime end = start.plusMinutes(LONGEST_LESSON);
			bells.add(new Bell(shift, n, start, end));
			start = end.plusMinutes(n == 2 ? 20 : SHORTEST_BREAK);
		}
		return bells;
	}

	/** Checks the typed schedule of {@code shifts} shifts (fields named by {@link #field}). */
	public static Result check(int shifts, Map<String, String> typed) {
		Map<String, Problem> problems = new LinkedHashMap<>();
		List<Bell> bells = new ArrayList<>();
		if (shifts < 1 || shifts > MAX_SHIFTS) {
			problems.put("shifts", new Problem("shifts", "timetable.bells.shiftsInvalid"));
			return new Result(List.of(), List.copyOf(problems.values()));
		}
		for (int shift = 1; shift <= shifts; shift++) {
			int last = 0;
			for (int n = 1; n <= MAX_SLOTS; n++) {
				if (!blank(typed.get(field(shift, n, true))) || !blank(typed.get(field(shift, n, false)))) {
					last = n;
				}
			}
			if (last == 0) {
				add(problems, field(shift, 1, true), "timetable.bells.firstRequired");
				continue;
			}
			Bell previous = null;
			for (int n = 1; n <= last; n++) {
				String startField = field(shift, n, true);
				String endField = field(shift, n, false);
				String startText = typed.get(startField);
				String endText = typed.get(endField);
				if (blank(startText) && blank(endText)) {
					add(problems, startField, "timetable.bells.gap");
					previous = null;
					continue;
				}
				LocalTime start = time(problems, startField, startText);
				LocalTime end = time(problems, endField, endText);
				if (start == null || end == null) {
					previous = null;
					continue;
				}
				boolean ok = true;
				if (start.isBefore(DAY_STARTS)) {
					ok &= add(problems, startField, "timetable.bells.tooEarly");
				}
				if (end.isAfter(DAY_ENDS)) {
					ok &= add(problems, endField, "timetable.bells.tooLate");
				}
				if (!end.isAfter(start)) {
					ok &= add(problems, endField, "timetable.bells.endBeforeStart");
				}
				else if (Duration.between(start, end).toMinutes() > LONGEST_LESSON) {
					ok &= add(problems, endField, "timetable.bells.tooLong", Duration.between(start, end).toMinutes());
				}
				if (previous != null) {
					if (start.isBefore(previous.endsAt())) {
						ok &= add(problems, startField, "timetable.bells.order", n - 1);
					}
					else if (Duration.between(previous.endsAt(), start).toMinutes() < SHORTEST_BREAK) {
						ok &= add(problems, startField, "timetable.bells.shortBreak",
								Duration.between(previous.endsAt(), start).toMinutes());
					}
				}
				Bell bell = new Bell(shift, n, start, end);
				previous = end.isAfter(start) ? bell : null;
				if (ok) {
					bells.add(bell);
				}
			}
		}
		return problems.isEmpty() ? new Result(List.copyOf(bells), List.of())
				: new Result(List.of(), List.copyOf(problems.values()));
	}

	private static @Nullable LocalTime time(Map<String, Problem> problems, String field, @Nullable String text) {
		if (blank(text)) {
			add(problems, field, "timetable.bells.required");
			return null;
		}
		Matcher m = TIME.matcher(text);
		if (m.matches()) {
			int h = Integer.parseInt(m.group(1));
			int min = Integer.parseInt(m.group(2));
			if (h < 24 && min < 60) {
				return LocalTime.of(h, min);
			}
		}
		add(problems, field, "timetable.bells.time");
		return null;
	}

	/** Keeps the first problem of a field; returns false so that callers can note the slot is bad. */
	private static boolean add(Map<String, Problem> problems, String field, String code, Object... args) {
		problems.putIfAbsent(field, new Problem(field, code, args));
		return false;
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}
}
