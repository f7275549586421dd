/**
 * The region's structure and its people: municipalities, institutions, academic years and study
 * periods, classes and groups, subjects, staff and teaching assignments, students with their
 * enrolment history, guardians and their links. Its API is {@link ru.eschool.school.SchoolRoster};
 * every read of people's data goes through {@link ru.eschool.school.internal.StudentScope}.
 */
@org.jspecify.annotations.NullMarked
package ru.eschool.school;
