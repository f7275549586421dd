package ru.eschool.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ru.eschool.timetable.internal.Bell;
import ru.eschool.timetable.internal.BellRules;
import ru.eschool.timetable.internal.Problem;

/** The rules of a bell schedule, field by field. */
class BellRulesTests {

	static Map<String, String> typed(int shift, String... startsAndEnds) {
		Map<String, String> form = new HashMap<>();
		for (int i = 0; i < startsAndEnds.length; i += 2) {
			form.put(BellRules.field(shift, i / 2 + 1, true), startsAndEnds[i]);
			form.put(BellRules.field(shift, i / 2 + 1, false), startsAndEnds[i + 1]);
		}
		return form;
	}

	static Map<String, String> problems(BellRules.Result result) {
		return result.problems().stream().collect(Collectors.toMap(Problem::field, Problem::code));
	}

	@Test
	void theProposalIsValidWithALongBreakAfterTheSecondLesson() {
		List<Bell> one = BellRules.proposal(1);
		assertThat(one).hasSize(7);
		assertThat(one.get(0)).isEqualTo(new Bell(1, 1, LocalTime.of(8, 30), LocalTime.of(9, 15)));
		assertThat(one.get(1)).isEqualTo(new Bell(1, 2, LocalTime.of(9, 25), LocalTime.of(10, 10)));
		assertThat(one.get(2)).isEqualTo(new Bell(1, 3, LocalTime.of(10, 30), LocalTime.of(11, 15)));
		List<Bell> two = BellRules.proposal(2);
		assertThat(two).filteredOn(b -> b.shift() == 2).isNotEmpty()
			.allMatch(b -> !b.endsAt().isAfter(BellRules.DAY_ENDS));
		Map<String, String> form = new HashMap<>();
		for (Bell b : two) {
			form.put(BellRules.field(b.shift(), b.number(), true), b.startsAt().toString());
			form.put(BellRules.field(b.shift(), b.number(), false), b.endsAt().toString());
		}
		BellRules.Result result = BellRules.check(2, form);
		assertThat(result.problems()).isEmpty();
		assertThat(result.bells()).isEqualTo(two);
	}

	@Test
	void aLessonLongerThan45MinutesIsRefusedOnItsEnd() {
		assertThat(problems(BellRules.check(1, typed(1, "08:30", "09:20"))))
			.containsExactly(Map.entry("b1_1_end", "timetable.bells.tooLong"));
	}

	@Test
	void aBreakShorterThan10MinutesIsRefusedOnTheNextStart() {
		assertThat(problems(BellRules.check(1, typed(1, "08:30", "09:15", "09:20", "10:05"))))
			.containsExactly(Map.entry("b1_2_start", "timetable.bells.shortBreak"));
		assertThat(BellRules.check(1, typed(1, "08:30", "09:15", "09:25", "10:10")).ok()).isTrue();
	}

	@Test
	void lessonsStayBetween8And19() {
		assertThat(problems(BellRules.check(1, typed(1, "07:50", "08:30", "18:20", "19:05"))))
			.containsEntry("b1_1_start", "timetable.bells.tooEarly").containsEntry("b1_2_end", "timetable.bells.tooLate");
	}

	@Test
	void slotsGoInOrderWithoutGapsAndEachTimeIsATime() {
		assertThat(problems(BellRules.check(1, typed(1, "10:30", "11:15", "09:00", "09:45"))))
			.containsExactly(Map.entry("b1_2_start", "timetable.bells.order"));
		assertThat(problems(BellRules.check(1, typed(1, "08:30", "09:15", "", "", "10:30", "11:15"))))
			.containsExactly(Map.entry("b1_2_start", "timetable.bells.gap"));
		assertThat(problems(BellRules.check(1, typed(1, "8:30", "half past nine", "10:30", ""))))
			.containsEntry("b1_1_end", "timetable.bells.time").containsEntry("b1_2_end", "timetable.bells.required");
		assertThat(problems(BellRules.check(1, typed(1, "09:00", "08:50"))))
			.containsExactly(Map.entry("b1_1_end", "timetable.bells.endBeforeStart"));
	}

	@Test
	void eachShiftNeedsALessonAndOnlyOneOrTwoShiftsExist() {
		assertThat(problems(BellRules.check(2, typed(1, "08:30", "09:15"))))
			.containsExactly(Map.entry("b2_1_start", "timetable.bells.firstRequired"));
		assertThat(problems(BellRules.check(3, typed(1, "08:30", "09:15")))).containsKey("shifts");
	}
}
