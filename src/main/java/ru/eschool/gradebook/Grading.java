package ru.eschool.gradebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The grading arithmetic of the journal, free of storage and web: the weighted average of a
 * period's marks, its rounding to a period mark by the school's thresholds, and the pass/fail
 * rule. Exact: an average Σ(mark×weight)/Σ(weight) is compared with a threshold in integers, so a
 * 4.50 is a 4.50 and never a 4.4999.
 */
public final class Grading {

	private Grading() {
	}

	/** A mark that counts: its value 1–5 and the weight of its type of work (1–5). */
	public record Counted(int value, int weight) {

		public Counted {
			if (value < 1 || value > 5 || weight < 1) {
				throw new IllegalArgumentException("mark " + value + " weight " + weight);
			}
		}
	}

	/**
	 * The school's rounding rule in hundredths: an average at or above {@code five} proposes 5, at or
	 * above {@code four} 4, at or above {@code three} 3, anything lower 2. Valid only when the three
	 * thresholds lie within 1.00–5.00 and strictly decrease.
	 */
	public record RoundingRule(int five, int four, int three) {

		public static final RoundingRule DEFAULT = new RoundingRule(450, 350, 250);

		public RoundingRule {
			if (!valid(five, four, three)) {
				throw new IllegalArgumentException("thresholds " + five + " " + four + " " + three);
			}
		}

		public static boolean valid(int five, int four, int three) {
			return within(five) && within(four) && within(three) && five > four && four > three;
		}

		private static boolean within(int hundredths) {
			return hundredths >= 100 && hundredths <= 500;
		}

		/** The mark for the average sum/weights, compared exactly: sum×100 ≥ threshold×weights. */
		public int round(long weightedSum, long totalWeight) {
			long scaled = weightedSum * 100;
			if (scaled >= (long) five * totalWeight) {
				return 5;
			}
			if (scaled >= (long) four * totalWeight) {
				return 4;
			}
			if (scaled >= (long) three * totalWeight) {
				return 3;
			}
			return 2;
		}

		/** The threshold that gives the mark, or null for 2 (below every threshold). */
		public @Nullable BigDecimal thresholdOf(int mark) {
			return switch (mark) {
				case 5 -> hundredths(five);
				case 4 -> hundredths(four);
				case 3 -> hundredths(three);
				default -> null;
			};
		}
	}

	/**
	 * A proposed period mark and how it was computed: the marks counted, the sum of mark×weight, the
	 * sum of weights, the average (two decimals, for reading only) and the threshold used.
	 */
	public record Proposal(int mark, List<Counted> counted, long weightedSum, long totalWeight, BigDecimal average,
			@Nullable BigDecimal threshold) {
	}

	/** A pass/fail proposal: passes and their weight against the weight of all pass/fail marks. */
	public record PassFailProposal(boolean passed, int passes, int fails, long passWeight, long totalWeight) {
	}

	/** A pass/fail mark that counts: зачёт or not, and the weight of its type of work. */
	public record PassFailMark(boolean passed, int weight) {
	}

	/** The proposal for a period's marks; empty when there are none (no proposal on an empty period). */
	public static Optional<Proposal> propose(List<Counted> marks, RoundingRule rule) {
		if (marks.isEmpty()) {
			return Optional.empty();
		}
		long sum = 0;
		long weights = 0;
		for (Counted m : marks) {
			sum += (long) m.value() * m.weight();
			weights += m.weight();
		}
		int mark = rule.round(sum, weights);
		return Optional.of(new Proposal(mark, List.copyOf(marks), sum, weights, average(sum, weights),
				rule.thresholdOf(mark)));
	}

	/** The weighted average, rounded half-up to two decimals for display. */
	public static BigDecimal average(long weightedSum, long totalWeight) {
		return BigDecimal.valueOf(weightedSum).divide(BigDecimal.valueOf(totalWeight), 2, RoundingMode.HALF_UP);
	}

	/**
	 * The pass/fail rule: зачёт when the passes carry at least half of the weight of the period's
	 * pass/fail marks (a failed test outweighs a passed answer, as in the graded average); empty
	 * when there are no marks.
	 */
	public static Optional<PassFailProposal> proposePassFail(List<PassFailMark> marks) {
		if (marks.isEmpty()) {
			return Optional.empty();
		}
		int passes = 0;
		long passWeight = 0;
		long total = 0;
		for (PassFailMark m : marks) {
			total += m.weight();
			if (m.passed()) {
				passes++;
				passWeight += m.weight();
			}
		}
		return Optional.of(new PassFailProposal(passWeight * 2 >= total, passes, marks.size() - passes, passWeight, total));
	}

	/**
	 * The proposal for the annual mark (годовая): the arithmetic mean of the period marks set in the
	 * year (each period counts once), rounded by the same school thresholds as a period mark. A
	 * period without a mark is left out (the proposal says how many counted). Empty when no period
	 * mark is set.
	 */
	public static Optional<Proposal> proposeAnnual(List<Integer> periodMarks, RoundingRule rule) {
		return propose(periodMarks.stream().map(v -> new Counted(v, 1)).toList(), rule);
	}

	/**
	 * The pass/fail annual proposal: зачёт when at least half of the period results are зачёт (each
	 * period weighs 1); empty when no period result is set.
	 */
	public static Optional<PassFailProposal> proposeAnnualPassFail(List<Boolean> periodResults) {
		return proposePassFail(periodResults.stream().map(p -> new PassFailMark(p, 1)).toList());
	}

	/**
	 * The proposal for the final mark (итоговая) of a subject that ends in this grade: the annual
	 * mark as set; empty while none is set. Kept this simple on purpose: the exam result is taken into
	 * account by the teacher, who overrides the proposal with a reason.
	 */
	public static Optional<MarkValue> proposeFinal(@Nullable MarkValue annual) {
		return Optional.ofNullable(annual);
	}

	static BigDecimal hundredths(int value) {
		return BigDecimal.valueOf(value, 2);
	}
}
