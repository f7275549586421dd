package ru.eschool.school.internal;

/**
 * A rule a form's input breaks: the field it belongs to ("" for the whole form), a message key and
 * the message's arguments. Controllers turn these into field errors of the form.
 */
public record Violation(String field, String code, Object... args) {
}
