package ru.eschool.school.web;

import java.util.List;

import ru.eschool.school.internal.roster.Report;

/** Lines of an import preview in one group (errors, warnings, fine), cut to a limit, with the number left out. */
public record ReportGroup(String titleKey, List<Report.LineReport> lines, int hidden) {

	static ReportGroup of(String titleKey, List<Report.LineReport> all, int limit) {
		return new ReportGroup(titleKey, all.subList(0, Math.min(limit, all.size())), Math.max(0, all.size() - limit));
	}
}
