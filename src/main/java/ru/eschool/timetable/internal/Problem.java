package ru.eschool.timetable.internal;

/**
 * A rule that input breaks: the form field it belongs to ("" for the whole form), a message key of
 * the timetable bundle and the message's arguments. Controllers show it next to the field.
 */
public record Problem(String field, String code, Object... args) {
}
