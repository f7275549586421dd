package ru.eschool.shared.web;

import java.util.Optional;

import ru.eschool.shared.Actor;

/**
 * A counter shown in the page header beside the person's name (unread messages, unread
 * notifications). A module that has one declares a bean giving its count as a SQL expression over
 * its own tables; the shell asks every badge's count in one statement, in
 * {@link org.springframework.core.annotation.Order} order, and only when a whole page is rendered
 * (never for an htmx fragment): one statement per full page for all the counters together.
 */
public interface HeaderBadge {

	/** The person's counter, or empty when their role has none. */
	Optional<Counter> counterFor(Actor actor);

	/**
	 * {@code countSql} is a scalar SQL expression, a parenthesised subquery ({@code (select count(*)
	 * from ... where account_id = :account)}) or a sum of them, counting for the account bound as
	 * the named parameter {@code :account}; {@code labelKey} is a
	 * message key whose text takes the count as {0}.
	 */
	record Counter(String countSql, String href, String labelKey) {
	}

	/** A counter with its count, shown when the count is not zero. */
	record Badge(String href, String labelKey, int count) {
	}
}
