package ru.eschool.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ru.eschool.gradebook.Grading.Counted;
import ru.eschool.gradebook.Grading.PassFailMark;
import ru.eschool.gradebook.Grading.Proposal;
import ru.eschool.gradebook.Grading.RoundingRule;

/**
 * Property-based tests of the grading arithmetic: each case is generated from a seeded Random (the
 * seed is in the case name, so a failure is replayed by its seed), then the edge cases by hand.
 */
class GradingTests {

	static final int CASES = 300;

	static Stream<Arguments> seeds() {
		return IntStream.range(0, CASES).mapToObj(i -> Arguments.of(20261204L + i));
	}

	static List<Counted> marks(Random r) {
		int n = 1 + r.nextInt(25);
		List<Counted> marks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			marks.add(new Counted(1 + r.nextInt(5), 1 + r.nextInt(5)));
		}
		return marks;
	}

	static RoundingRule rule(Random r) {
		while (true) {
			int five = 100 + r.nextInt(401);
			int four = 100 + r.nextInt(401);
			int three = 100 + r.nextInt(401);
			if (RoundingRule.valid(five, four, three)) {
				return new RoundingRule(five, four, three);
			}
		}
	}

	/** The reference: the same rule computed with BigDecimal, independently of the integer compare. */
	static int reference(List<Counted> marks, RoundingRule rule) {
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal weights = BigDecimal.ZERO;
		for (Counted m : marks) {
			sum = sum.add(BigDecimal.valueOf((long) m.value() * m.weight()));
			weights = weights.add(BigDecimal.valueOf(m.weight()));
		}
		BigDecimal avg = sum.divide(weights, 30, RoundingMode.FLOOR);
		if (avg.compareTo(BigDecimal.valueOf(rule.five(), 2)) >= 0) {
			return 5;
		}
		if (avg.compareTo(BigDecimal.valueOf(rule.four(), 2)) >= 0) {
			return 4;
		}
		return avg.compareTo(BigDecimal.valueOf(rule.three(), 2)) >= 0 ? 3 : 2;
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theProposalIsTheWeightedAverageRoundedByTheSchoolsThresholds(long seed) {
		Random r = new Random(seed);
		List<Counted> marks = marks(r);
		RoundingRule rule = r.nextBoolean() ? RoundingRule.DEFAULT : rule(r);
		Proposal p = Grading.propose(marks, rule).orElseThrow();
		assertThat(p.mark()).isEqualTo(reference(marks, rule));
		assertThat(p.weightedSum()).isEqualTo(marks.stream().mapToLong(m -> (long) m.value() * m.weight()).sum());
		assertThat(p.totalWeight()).isEqualTo(marks.stream().mapToLong(Counted::weight).sum());
		assertThat(p.counted()).containsExactlyElementsOf(marks);
		if (p.mark() > 2) {
			assertThat(p.average()).isGreaterThanOrEqualTo(p.threshold().subtract(new BigDecimal("0.005")));
		}
		else {
			assertThat(p.threshold()).isNull();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theAverageLiesBetweenTheLowestAndTheHighestMark(long seed) {
		List<Counted> marks = marks(new Random(seed));
		Proposal p = Grading.propose(marks, RoundingRule.DEFAULT).orElseThrow();
		int min = marks.stream().mapToInt(Counted::value).min().orElseThrow();
		int max = marks.stream().mapToInt(Counted::value).max().orElseThrow();
		assertThat(p.average()).isBetween(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
		assertThat(p.mark()).isBetween(Math.max(2, Math.min(min, 5)), Math.max(2, max));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theOrderOfMarksAndAScalingOfAllWeightsChangeNothing(long seed) {
		Random r = new Random(seed);
		List<Counted> marks = marks(r);
		RoundingRule rule = rule(r);
		Proposal p = Grading.propose(marks, rule).orElseThrow();
		List<Counted> shuffled = new ArrayList<>(marks);
		Collections.shuffle(shuffled, r);
		assertThat(Grading.propose(shuffled, rule).orElseThrow().mark()).isEqualTo(p.mark());
		int k = 2 + r.nextInt(4);
		List<Counted> scaled = marks.stream().map(m -> new Counted(m.value(), m.weight() * k)).toList();
		Proposal s = Grading.propose(scaled, rule).orElseThrow();
		assertThat(s.mark()).isEqualTo(p.mark());
		assertThat(s.average()).isEqualTo(p.average());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aBetterMarkNeverLowersTheProposalAndAWorseNeverRaisesIt(long seed) {
		Random r = new Random(seed);
		List<Counted> marks = marks(r);
		RoundingRule rule = rule(r);
		int before = Grading.propose(marks, rule).orElseThrow().mark();
		int weight = 1 + r.nextInt(5);
		List<Counted> withFive = new ArrayList<>(marks);
		withFive.add(new Counted(5, weight));
		List<Counted> withOne = new ArrayList<>(marks);
		withOne.add(new Counted(1, weight));
		assertThat(Grading.propose(withFive, rule).orElseThrow().mark()).isGreaterThanOrEqualTo(before);
		assertThat(Grading.propose(withOne, rule).orElseThrow().mark()).isLessThanOrEqualTo(before);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void marksAllAlikeProposeThemselves(long seed) {
		Random r = new Random(seed);
		int value = 2 + r.nextInt(4);
		List<Counted> marks = IntStream.range(0, 1 + r.nextInt(12)).mapToObj(i -> new Counted(value, 1 + r.nextInt(5)))
			.toList();
		// Under the default thresholds (x.50) an average equal to a whole mark proposes that mark.
		assertThat(Grading.propose(marks, RoundingRule.DEFAULT).orElseThrow().mark()).isEqualTo(value);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aRoundingRuleIsValidExactlyWhenStrictlyDecreasingWithinOneToFive(long seed) {
		Random r = new Random(seed);
		int five = 50 + r.nextInt(500);
		int four = 50 + r.nextInt(500);
		int three = 50 + r.nextInt(500);
		boolean expected = five <= 500 && three >= 100 && five > four && four > three;
		assertThat(RoundingRule.valid(five, four, three)).isEqualTo(expected);
		if (!expected) {
			assertThatThrownBy(() -> new RoundingRule(five, four, three)).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void passFailPassesExactlyWhenPassesCarryAtLeastHalfTheWeight(long seed) {
		Random r = new Random(seed);
		List<PassFailMark> marks = IntStream.range(0, 1 + r.nextInt(15))
			.mapToObj(i -> new PassFailMark(r.nextBoolean(), 1 + r.nextInt(5))).toList();
		long pass = marks.stream().filter(PassFailMark::passed).mapToLong(PassFailMark::weight).sum();
		long all = marks.stream().mapToLong(PassFailMark::weight).sum();
		var p = Grading.proposePassFail(marks).orElseThrow();
		assertThat(p.passed()).isEqualTo(2 * pass >= all);
		assertThat(p.passes() + p.fails()).isEqualTo(marks.size());
		List<PassFailMark> morePasses = new ArrayList<>(marks);
		morePasses.add(new PassFailMark(true, 1 + r.nextInt(5)));
		assertThat(!p.passed() || Grading.proposePassFail(morePasses).orElseThrow().passed()).isTrue();
	}

	@Test
	void anEmptyPeriodHasNoProposal() {
		assertThat(Grading.propose(List.of(), RoundingRule.DEFAULT)).isEmpty();
		assertThat(Grading.proposePassFail(List.of())).isEmpty();
	}

	@Test
	void theDefaultThresholdsRoundAtTheirEdges() {
		// 5 and 4 with equal weights: exactly 4.50 → 5.
		assertThat(Grading.propose(List.of(new Counted(5, 1), new Counted(4, 1)), RoundingRule.DEFAULT).orElseThrow().mark())
			.isEqualTo(5);
		// 5,4,4,5 weighted 1,1,1,... just under: (5+4+4)/3 = 4.33 → 4.
		assertThat(Grading.propose(List.of(new Counted(5, 1), new Counted(4, 2)), RoundingRule.DEFAULT).orElseThrow().mark())
			.isEqualTo(4);
		// 4 and 3 → 3.50 → 4; 3 and 2 → 2.50 → 3; 2,2,3 → 2.33 → 2.
		assertThat(Grading.propose(List.of(new Counted(4, 1), new Counted(3, 1)), RoundingRule.DEFAULT).orElseThrow().mark())
			.isEqualTo(4);
		assertThat(Grading.propose(List.of(new Counted(3, 2), new Counted(2, 2)), RoundingRule.DEFAULT).orElseThrow().mark())
			.isEqualTo(3);
		assertThat(Grading.propose(List.of(new Counted(2, 2), new Counted(3, 1)), RoundingRule.DEFAULT).orElseThrow().mark())
			.isEqualTo(2);
	}

	@Test
	void weightsDecide() {
		// A 5 in a test (weight 3) and two 3s for answers (weight 1): (15+6)/5 = 4.20 → 4.
		Proposal p = Grading.propose(List.of(new Counted(5, 3), new Counted(3, 1), new Counted(3, 1)), RoundingRule.DEFAULT)
			.orElseThrow();
		assertThat(p.mark()).isEqualTo(4);
		assertThat(p.average()).isEqualByComparingTo("4.20");
		assertThat(p.threshold()).isEqualByComparingTo("3.50");
		assertThat(p.weightedSum()).isEqualTo(21);
		assertThat(p.totalWeight()).isEqualTo(5);
	}

	@Test
	void aSingleOneProposesTwoAndATieOfPassAndFailPasses() {
		assertThat(Grading.propose(List.of(new Counted(1, 1)), RoundingRule.DEFAULT).orElseThrow().mark()).isEqualTo(2);
		assertThat(Grading.proposePassFail(List.of(new PassFailMark(true, 2), new PassFailMark(false, 2))).orElseThrow()
			.passed()).isTrue();
		assertThat(Grading.proposePassFail(List.of(new PassFailMark(true, 1), new PassFailMark(false, 2))).orElseThrow()
			.passed()).isFalse();
	}

	// ---- annual and final marks ---------------------------------------------------------------

	/** Period marks of a year: 2 (half-years) to 4 (quarters) periods, some possibly not set (null). */
	static List<Integer> periodMarks(Random r, int lowest) {
		int n = 2 + r.nextInt(3);
		List<Integer> marks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			marks.add(lowest + r.nextInt(6 - lowest));
		}
		return marks;
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theAnnualProposalIsTheMeanOfThePeriodMarksRoundedByTheSchoolsRule(long seed) {
		Random r = new Random(seed);
		List<Integer> marks = periodMarks(r, 1);
		RoundingRule rule = r.nextBoolean() ? RoundingRule.DEFAULT : rule(r);
		Proposal p = Grading.proposeAnnual(marks, rule).orElseThrow();
		List<Counted> unweighted = marks.stream().map(v -> new Counted(v, 1)).toList();
		assertThat(p.mark()).isEqualTo(reference(unweighted, rule));
		assertThat(p.weightedSum()).isEqualTo(marks.stream().mapToLong(Integer::longValue).sum());
		assertThat(p.totalWeight()).isEqualTo(marks.size());
		assertThat(p.average()).isEqualTo(BigDecimal.valueOf(p.weightedSum())
			.divide(BigDecimal.valueOf(marks.size()), 2, RoundingMode.HALF_UP));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void withTheDefaultRuleTheAnnualMarkLiesBetweenTheLowestAndTheHighestPeriodMark(long seed) {
		List<Integer> marks = periodMarks(new Random(seed), 2);
		int annual = Grading.proposeAnnual(marks, RoundingRule.DEFAULT).orElseThrow().mark();
		assertThat(annual).isBetween(marks.stream().mapToInt(Integer::intValue).min().orElseThrow(),
				marks.stream().mapToInt(Integer::intValue).max().orElseThrow());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aBetterPeriodMarkNeverLowersTheAnnualProposalAndTheOrderOfPeriodsDoesNotMatter(long seed) {
		Random r = new Random(seed);
		List<Integer> marks = periodMarks(r, 2);
		RoundingRule rule = rule(r);
		int before = Grading.proposeAnnual(marks, rule).orElseThrow().mark();
		List<Integer> better = new ArrayList<>(marks);
		int i = r.nextInt(marks.size());
		better.set(i, Math.min(5, marks.get(i) + 1));
		assertThat(Grading.proposeAnnual(better, rule).orElseThrow().mark()).isGreaterThanOrEqualTo(before);
		List<Integer> shuffled = new ArrayList<>(marks);
		Collections.shuffle(shuffled, r);
		assertThat(Grading.proposeAnnual(shuffled, rule).orElseThrow().mark()).isEqualTo(before);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theAnnualPassFailIsAPassWhenAtLeastHalfThePeriodsArePassedAndTheFinalFollowsTheAnnual(long seed) {
		Random r = new Random(seed);
		List<Boolean> results = new ArrayList<>();
		int n = 1 + r.nextInt(4);
		for (int k = 0; k < n; k++) {
			results.add(r.nextBoolean());
		}
		long passes = results.stream().filter(b -> b).count();
		var p = Grading.proposeAnnualPassFail(results).orElseThrow();
		assertThat(p.passed()).isEqualTo(passes * 2 >= n);
		assertThat(p.passes()).isEqualTo(passes);
		MarkValue annual = MarkValue.values()[r.nextInt(MarkValue.values().length)];
		assertThat(Grading.proposeFinal(annual)).contains(annual);
	}

	@Test
	void noPeriodMarksNoAnnualProposalAndNoAnnualMarkNoFinalProposal() {
		assertThat(Grading.proposeAnnual(List.of(), RoundingRule.DEFAULT)).isEmpty();
		assertThat(Grading.proposeAnnualPassFail(List.of())).isEmpty();
		assertThat(Grading.proposeFinal(null)).isEmpty();
		// 4, 4, 3, 3: mean 3.50 is a 4 by the default rule; 5, 4, 4, 4: 4.25 is a 4; 5, 5, 4, 4: 4.50 is a 5
		assertThat(Grading.proposeAnnual(List.of(4, 4, 3, 3), RoundingRule.DEFAULT).orElseThrow().mark()).isEqualTo(4);
		assertThat(Grading.proposeAnnual(List.of(5, 4, 4, 4), RoundingRule.DEFAULT).orElseThrow().mark()).isEqualTo(4);
		assertThat(Grading.proposeAnnual(List.of(5, 5, 4, 4), RoundingRule.DEFAULT).orElseThrow().mark()).isEqualTo(5);
		assertThat(Grading.proposeAnnual(List.of(3, 2, 2), RoundingRule.DEFAULT).orElseThrow().mark()).isEqualTo(2);
	}
}
