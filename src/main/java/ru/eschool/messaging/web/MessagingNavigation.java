package ru.eschool.messaging.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.web.NavItem;
import ru.eschool.shared.web.Navigation;

/** Messages for everyone who may converse; announcements for everyone (the regional admin only writes them). */
@Component
@Order(80)
class MessagingNavigation implements Navigation {

	@Override
	public List<NavItem> itemsFor(Role role) {
		if (role == Role.REGION_ADMIN) {
			return List.of(new NavItem("/announcements", "nav.announcements"));
		}
		return List.of(new NavItem("/messages", "nav.messages"), new NavItem("/announcements", "nav.announcements"));
	}
}
