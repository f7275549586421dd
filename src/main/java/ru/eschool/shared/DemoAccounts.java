package ru.eschool.shared;

import java.util.List;

/**
 * The demo accounts shown on the login page. Only the demo profile declares a bean of this type,
 * so production never shows any.
 */
public interface DemoAccounts {

	record DemoAccount(String login, String password, Role role, String who) {
	}

	List<DemoAccount> list();
}
