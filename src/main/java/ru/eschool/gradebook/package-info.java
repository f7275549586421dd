/**
 * The teacher's journal: the school's types of work with weights and its rounding rule, marks and
 * attendance per lesson and student (with the append-only history of every mark change), lesson
 * topics, remarks and praise, period marks proposed by {@link ru.eschool.gradebook.Grading} and set
 * by the teacher, and closed study periods. {@link ru.eschool.gradebook.StudentRecords} reads a
 * student's records for the family diary. Publishes {@link ru.eschool.gradebook.MarkPosted},
 * {@link ru.eschool.gradebook.MarkChanged}, {@link ru.eschool.gradebook.AbsenceRecorded} and
 * {@link ru.eschool.gradebook.PeriodMarkSet}.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.gradebook;
