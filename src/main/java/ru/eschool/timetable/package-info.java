/**
 * The timetable: bells, weekly templates of classes and groups, dated lessons and their changes
 * (substitution, cancellation, move, room). Its API is {@link ru.eschool.timetable.Lessons}
 * (dated lessons for the journal and the diary) and the event {@link ru.eschool.timetable.LessonChanged}.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.timetable;
