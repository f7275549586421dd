package ru.eschool.shared.web;

/** One entry of the header menu: a path and the message key of its label. */
public record NavItem(String href, String labelKey) {
}
