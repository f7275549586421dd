package ru.eschool.timetable.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.eschool.shared.web.I18n;
import ru.eschool.timetable.internal.Problem;

/** Problems as the forms show them: field name to a message in the user's language (see tag/field.jte). */
final class Problems {

	private Problems() {
	}

	static Map<String, String> messages(List<Problem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (Problem p : problems) {
			errors.putIfAbsent(p.field(), I18n.t(p.code(), p.args()));
		}
		return errors;
	}
}
