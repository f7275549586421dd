package ru.eschool.gradebook.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** The journal for teachers; the grading settings for school admins. */
@Component
@Order(50)
class GradebookNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		return switch (role) {
			case TEACHER -> List.of(new NavItem("/journal", "nav.gradebook.journal"));
			case SCHOOL_ADMIN -> List.of(new NavItem("/admin/gradebook", "nav.gradebook.settings"));
			default -> List.of();
		};
	}
}
