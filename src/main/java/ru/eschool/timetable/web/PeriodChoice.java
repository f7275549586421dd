package ru.eschool.timetable.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import ru.eschool.school.StudyCalendar.StudyPeriod;

/** A range to generate lessons for: a study period (value: its id) or the rest of the year ("year"). */
public record PeriodChoice(String value, @Nullable StudyPeriod period, LocalDate from, LocalDate to) {
}
