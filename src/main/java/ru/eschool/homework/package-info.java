/**
 * Homework: what a teacher sets at a lesson (text, links, files), due at a later lesson of the
 * subject; students' done-marks and hand-ins, marked by the teacher. Its API is
 * {@link ru.eschool.homework.HomeworkBoard} (what is due, for the diary) and the event
 * {@link ru.eschool.homework.HomeworkAssigned}.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.homework;
