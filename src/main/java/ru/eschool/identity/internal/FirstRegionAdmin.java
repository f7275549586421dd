package ru.eschool.identity.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.eschool.identity.Invitations;
import ru.eschool.shared.Role;
import ru.eschool.shared.web.I18n;

/**
 * A new installation has nobody who can sign in. At start-up, while no account holds the
 * regional admin role, this issues an invitation code for the first regional admin and writes it
 * to the log (again at each start while it is pending), like a first-run password.
 */
@Component
@Profile("!demo")
public class FirstRegionAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstRegionAdmin.class);

	private final Accounts accounts;
	private final Invitations invitations;
	private final boolean enabled;

	FirstRegionAdmin(Accounts accounts, Invitations invitations,
			@Value("${eschool.bootstrap.first-admin:true}") boolean enabled) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		String code = ensureCode();
		if (code != null) {
			log.warn("First regional admin: register at /register with the code {} (it works once)", code);
		}
	}

	/** The pending code for the first regional admin, issued now if needed; null once one exists. */
	@Transactional
	public @Nullable String ensureCode() {
		if (accounts.anyWithRole(Role.REGION_ADMIN)) {
			return null;
		}
		return invitations.pendingWithoutPerson(Role.REGION_ADMIN).map(Invitations.Issued::code)
			.orElseGet(() -> invitations.issue(List.of(new Invitations.Request(Role.REGION_ADMIN, null, null,
					I18n.msg(Locale.forLanguageTag("ru"), "identity.firstAdmin.name"))), 0).get(0).code());
	}
}
