package ru.eschool.shared.web;

import java.util.Optional;

import ru.eschool.shared.Actor;

/**
 * A counter shown in the page header beside the person's name (unread messages, unread
 * notifications). A module that has one declares a bean; the shell asks them in
 * {@link org.springframework.core.annotation.Order} order, and only when a whole page is
 * rendered (never for an htmx fragment), so each costs one statement per full page.
 */
public interface HeaderBadge {

	/** The badge for this person, or empty when there is none to show (nothing unread, or the role has none). */
	Optional<Badge> badgeFor(Actor actor);

	/** A link with a count: {@code labelKey} is a message key whose text takes the count as {0}. */
	record Badge(String href, String labelKey, int count) {
	}
}
