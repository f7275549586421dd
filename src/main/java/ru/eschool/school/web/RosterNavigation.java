package ru.eschool.school.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** The school admin's menu entry for roster import. */
@Component
@Order(30)
class RosterNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		return role == Role.SCHOOL_ADMIN ? List.of(new NavItem("/admin/import", "roster.nav")) : List.of();
	}
}
