package ru.eschool.timetable.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** The school admin edits bells and weekly templates; a teacher sees their own week. */
@Component
@Order(40)
class TimetableNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		return switch (role) {
			case SCHOOL_ADMIN -> List.of(new NavItem("/admin/bells", "nav.timetable.bells"),
					new NavItem("/admin/timetable", "nav.timetable.classes"));
			case TEACHER -> List.of(new NavItem("/timetable", "nav.timetable.mine"));
			default -> List.of();
		};
	}
}
