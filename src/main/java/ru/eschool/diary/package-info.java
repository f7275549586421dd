/**
 * The diary: the read side for students and guardians. The week view of a child's lessons with
 * their changes, homework, topics, marks and attendance; progress by subject in a study period with
 * an inline SVG chart; the report card (табель) as a PDF. Read-only and scoped to the actor's own
 * children (or themselves).
 * Its API is {@link ru.eschool.diary.FamilyDiary} (used by the portal's home page); marks,
 * attendance and topics come in through {@link ru.eschool.diary.DiaryEntries}, implemented over
 * the gradebook's {@code StudentRecords}. Owns no tables.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.diary;
