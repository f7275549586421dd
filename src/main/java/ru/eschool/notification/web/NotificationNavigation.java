package ru.eschool.notification.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** Everyone has a notification centre; a school admin also sees the notifications that could not be delivered. */
@Component
@Order(85)
class NotificationNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		List<NavItem> items = new ArrayList<>();
		items.add(new NavItem("/notifications", "nav.notifications"));
		if (role == Role.SCHOOL_ADMIN) {
			items.add(new NavItem("/admin/notifications/failed", "nav.notifications.failed"));
		}
		return items;
	}
}
