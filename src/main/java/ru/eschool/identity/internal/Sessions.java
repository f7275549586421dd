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

	/** An active session of the account, as the profile lists it. */
	public record Active(String id, java.time.Instant created, java.time.Instant lastAccess) {
	}

	/** The account's sessions on every node, most recently used first. */
	public java.util.List<Active> of(String login) {
		return sessions.findByPrincipalName(login).values().stream()
			.filter(x -> !x.isExpired())
			.map(x -> new Active(x.getId(), x.getCreationTime(), x.getLastAccessedTime()))
			.sorted(java.util.Comparator.comparing(Active::lastAccess).reversed())
			.toList();
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
