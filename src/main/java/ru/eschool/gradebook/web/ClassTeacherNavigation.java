package ru.eschool.gradebook.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** The class overview for class teachers; the journal-keeping monitor for school admins. */
@Component
@Order(55)
class ClassTeacherNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		return switch (role) {
			case TEACHER -> List.of(new NavItem("/journal/class", "nav.gradebook.myClass"));
			case SCHOOL_ADMIN -> List.of(new NavItem("/admin/journal-monitor", "nav.gradebook.monitor"));
			default -> List.of();
		};
	}
}
