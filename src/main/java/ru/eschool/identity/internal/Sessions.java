package ru.eschool.identity.internal;

import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions (kept in the database, so on every app node at once): after a
 * password change on the other devices, and everywhere when a person loses a role.
 */
@Component
public class Sessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	Sessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public void endAll(String login) {
		endAllExcept(login, null);
	}

	public void endAllExcept(String login, String keepSessionId) {
		Map<String, ? extends Session> found = sessions.findByPrincipalName(login);
		for (String id : found.keySet()) {
			if (!id.equals(keepSessionId)) {
				sessions.deleteById(id);
			}
		}
	}
}
