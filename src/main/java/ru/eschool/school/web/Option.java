package ru.eschool.school.web;

/** One choice of a select or a radio group: the submitted value and its localized label. */
public record Option(String value, String label) {
}
