package ru.eschool.shared.web;

import java.util.List;

import ru.eschool.shared.Role;

/**
 * A module's entries in the header menu. Each module that has pages declares a bean; the shell
 * collects them in {@link org.springframework.core.annotation.Order} order.
 */
public interface Navigation {

	List<NavItem> itemsFor(Role role);
}
