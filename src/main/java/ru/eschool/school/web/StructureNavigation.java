package ru.eschool.school.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** The school admin's menu entries for the school's structure. */
@Component
@Order(10)
class StructureNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		if (role != Role.SCHOOL_ADMIN) {
			return List.of();
		}
		return List.of(new NavItem("/admin/year", "nav.structure.year"), new NavItem("/admin/subjects", "nav.structure.subjects"),
				new NavItem("/admin/staff", "nav.structure.staff"), new NavItem("/admin/classes", "nav.structure.classes"));
	}
}
