package ru.eschool.school.internal.roster;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import would do, line by line: the values read, the problems found (each naming its
 * column and a message key with arguments, so that it is shown in the reader's language) and what
 * happens to the line. Nothing may be imported while {@link #errors()} is not zero.
 */
public record Report(RosterKind kind, List<LineReport> lines, List<Issue> fileIssues, List<String> newClasses,
		List<String> newSubjects) {

	/** A problem: an error blocks the import, a warning does not. */
	public record Issue(boolean error, @Nullable Column column, String key, Object... args) {
	}

	public enum Outcome {
		/** The line adds something (a person, a link). */
		ADD,
		/** The line is already in the school or repeats an earlier line: nothing is added. */
		SKIP,
		/** The line has an error. */
		ERROR
	}

	public record LineReport(int line, List<String> values, List<Issue> issues, Outcome outcome) {

		public boolean hasWarnings() {
			return issues.stream().anyMatch(i -> !i.error());
		}
	}

	public long toAdd() {
		return lines.stream().filter(l -> l.outcome() == Outcome.ADD).count();
	}

	public long skipped() {
		return lines.stream().filter(l -> l.outcome() == Outcome.SKIP).count();
	}

	/** Lines with at least one warning. */
	public long warnings() {
		return lines.stream().filter(LineReport::hasWarnings).count();
	}

	/** Lines with an error, plus errors of the whole file. */
	public long errors() {
		return lines.stream().filter(l -> l.outcome() == Outcome.ERROR).count()
				+ fileIssues.stream().filter(Issue::error).count();
	}

	public boolean importable() {
		return errors() == 0 && toAdd() > 0;
	}

	/** Lines in the order a person fixes them: errors, then warnings, then the rest. */
	public List<LineReport> byOutcome(Outcome outcome) {
		return lines.stream().filter(l -> l.outcome() == outcome).toList();
	}
}
