package ru.eschool.diary.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ru.eschool.diary.web.SubjectLine.Trend;

/** The trend: the last three marks against the first three, halves when there are fewer than six. */
class TrendTests {

	@Test
	void examples() {
		assertThat(Trend.of(List.of())).isNull();
		assertThat(Trend.of(List.of(5))).isNull();
		assertThat(Trend.of(List.of(5, 3))).isEqualTo(Trend.DOWN);
		assertThat(Trend.of(List.of(3, 3, 4, 5, 5))).isEqualTo(Trend.UP);
		assertThat(Trend.of(List.of(4, 4))).isEqualTo(Trend.FLAT);
		assertThat(Trend.of(List.of(5, 2, 2, 2, 2, 2, 2, 4, 5))).isEqualTo(Trend.UP);
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			List<Integer> marks = new ArrayList<>();
			int n = 2 + random.nextInt(20);
			for (int i = 0; i < n; i++) {
				marks.add(2 + random.nextInt(4));
			}
			cases.add(Arguments.of("seed " + seed, marks));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void reversingTheMarksReversesTheTrend(String seed, List<Integer> marks) {
		Trend forward = Trend.of(marks);
		List<Integer> backwards = new ArrayList<>(marks);
		Collections.reverse(backwards);
		Trend expected = switch (forward) {
			case UP -> Trend.DOWN;
			case DOWN -> Trend.UP;
			case FLAT -> Trend.FLAT;
		};
		assertThat(Trend.of(backwards)).isEqualTo(expected);
	}
}
