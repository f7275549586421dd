package ru.eschool.diary.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import ru.eschool.gradebook.MarkValue;
import ru.eschool.gradebook.StudentRecords.MarkRecord;
import ru.eschool.gradebook.StudentRecords.SubjectRecord;
import ru.eschool.school.StudyCalendar.StudyPeriod;

/**
 * One subject of the progress page: the gradebook's record, the period mark set for the chosen
 * period (or null, then the proposal shows), the trend, and the chart's geometry.
 */
public record SubjectLine(String name, SubjectRecord record, @Nullable MarkValue periodMark, @Nullable Trend trend,
		@Nullable Chart chart, @Nullable MarkValue annual, @Nullable MarkValue fin) {

	/** The average of the last three graded marks against the first three (equal counts, so sums compare). */
	public enum Trend {
		UP("↑"), DOWN("↓"), FLAT("→");

		private final String arrow;

		Trend(String arrow) {
			this.arrow = arrow;
		}

		public String arrow() {
			return arrow;
		}

		public String messageKey() {
			return "diary.progress.trend." + name();
		}

		/**
		 * Null with fewer than two graded marks: no trend to speak of. With fewer than six, the first
		 * and the last half are compared (without the middle mark of an odd count), so that the two
		 * groups never share a mark and a 5 then a 3 reads as falling.
		 */
		static @Nullable Trend of(List<Integer> marks) {
			if (marks.size() < 2) {
				return null;
			}
			int n = Math.min(3, marks.size() / 2);
			int first = 0;
			int last = 0;
			for (int i = 0; i < n; i++) {
				first += marks.get(i);
				last += marks.get(marks.size() - 1 - i);
			}
			return last > first ? UP : last < first ? DOWN : FLAT;
		}
	}

	/** A point of the chart: a graded mark at its date. */
	public record Point(int x, int y, int value, LocalDate date) {
	}

	/** Marks over the period: x by date, y by value (5 at the top, 1 at the bottom); SVG user units. */
	public record Chart(List<Point> points, String polyline) {

		public static final int WIDTH = 300;
		public static final int HEIGHT = 64;
		public static final int PAD = 6;

		public static int y(int value) {
			return PAD + (5 - value) * (HEIGHT - 2 * PAD) / 4;
		}

		static @Nullable Chart of(List<MarkRecord> marks, StudyPeriod period) {
			long days = Math.max(1, ChronoUnit.DAYS.between(period.startsOn(), period.endsOn()));
			List<Point> points = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (MarkRecord m : marks) {
				if (m.value().passFail()) {
					continue;
				}
				long day = ChronoUnit.DAYS.between(period.startsOn(), m.date());
				int x = (int) (PAD + day * (WIDTH - 2 * PAD) / days);
				Point p = new Point(x, y(m.value().number()), m.value().number(), m.date());
				points.add(p);
				line.append(line.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%d,%d", p.x(), p.y()));
			}
			return points.isEmpty() ? null : new Chart(points, line.toString());
		}
	}

	static SubjectLine of(String name, SubjectRecord record, StudyPeriod period, @Nullable MarkValue annual,
			@Nullable MarkValue fin) {
		List<Integer> graded = record.marks().stream().filter(m -> !m.value().passFail()).map(m -> m.value().number())
			.toList();
		return new SubjectLine(name, record, record.periodMarks().get(period.id()), Trend.of(graded),
				Chart.of(record.marks(), period), annual, fin);
	}
}
