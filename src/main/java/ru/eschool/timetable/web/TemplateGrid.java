package ru.eschool.timetable.web;

import java.util.List;
import java.util.Map;

import ru.eschool.timetable.internal.Bell;

/** The weekly template of a class as a grid: its lines by "weekday/shift/number". */
public record TemplateGrid(List<Bell> bells, Map<String, List<TemplateGrid.Cell>> cells) {

	/** One line of the grid as shown: what, who, for which group, where. */
	public record Cell(long entryId, String subject, String teacher, String group, String room) {
	}

	public List<Cell> at(int weekday, Bell bell) {
		return cells.getOrDefault(weekday + "/" + bell.shift() + "/" + bell.number(), List.of());
	}

	public boolean twoShifts() {
		return bells.stream().anyMatch(b -> b.shift() > 1);
	}
}
