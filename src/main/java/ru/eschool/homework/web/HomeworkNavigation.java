package ru.eschool.homework.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** A teacher reaches the homework of their lessons from the menu until the journal links there. */
@Component
@Order(60)
class HomeworkNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		return role == Role.TEACHER ? List.of(new NavItem("/homework", "nav.homework")) : List.of();
	}
}
