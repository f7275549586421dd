package ru.eschool.school;

/**
 * How a school divides its year for a range of grades: four quarters (четверти), three
 * trimesters or two half-years (полугодия, common in grades 10-11).
 */
public enum StudyScheme {
	QUARTER(4), TRIMESTER(3), HALF_YEAR(2);

	private final int periods;

	StudyScheme(int periods) {
		this.periods = periods;
	}

	/** How many periods a year of this scheme has. */
	public int periods() {
		return periods;
	}

	/** The key of the scheme's name in the bundles ("Четверти"). */
	public String messageKey() {
		return "structure.scheme." + name();
	}

	/** The key of one period's name ("{0}-я четверть"), taking the number as its argument. */
	public String periodKey() {
		return "structure.scheme." + name() + ".period";
	}
}
