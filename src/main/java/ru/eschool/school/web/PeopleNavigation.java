package ru.eschool.school.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** A school admin's menu entries for the school's people and their invitation letters. */
@Component
@Order(20)
class PeopleNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		if (role != Role.SCHOOL_ADMIN) {
			return List.of();
		}
		return List.of(new NavItem("/admin/students", "people.nav.students"),
				new NavItem("/admin/guardians", "people.nav.guardians"),
				new NavItem("/admin/invitations", "people.nav.invitations"));
	}
}
