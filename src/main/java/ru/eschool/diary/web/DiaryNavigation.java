package ru.eschool.diary.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** Students and guardians reach the diary from the menu. */
@Component
@Order(70)
class DiaryNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		return role == Role.STUDENT || role == Role.GUARDIAN ? List.of(new NavItem("/diary", "nav.diary"), new NavItem("/diary/progress", "nav.progress")) : List.of();
	}
}
