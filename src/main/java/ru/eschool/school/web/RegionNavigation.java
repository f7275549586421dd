package ru.eschool.school.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

@Component
@Order(5)
class RegionNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		return role == Role.REGION_ADMIN ? List.of(new NavItem("/region", "region.nav")) : List.of();
	}
}
