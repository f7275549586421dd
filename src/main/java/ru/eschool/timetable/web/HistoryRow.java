package ru.eschool.timetable.web;

import ru.eschool.timetable.internal.LessonChanges.Change;

/** A row of a lesson's history with its values as people read them (names, dates). */
public record HistoryRow(Change change, String oldValue, String newValue, String by) {
}
