package ru.eschool.school.web;

/** One option of a select in the structure pages: the value sent and the label shown. */
public record Choice(String value, String label) {
}
