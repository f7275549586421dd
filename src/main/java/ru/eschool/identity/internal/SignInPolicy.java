package ru.eschool.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Role;
import ru.eschool.shared.RoleGrant;

/**
 * The region's sign-in policy: local passwords allowed, or, per role from a cutoff date, sign-in
 * only through the state identity provider (as the region did in December 2015). A person with
 * no state account still gets in with a one-time code from their school; losing access to a
 * child's education is never the penalty.
 */
@Component
public class SignInPolicy {

	/** {@code eschool.identity.policy.federated-only-from.<ROLE>: <date>}. */
	@ConfigurationProperties("eschool.identity.policy")
	public record Settings(@DefaultValue Map<Role, LocalDate> federatedOnlyFrom) {
	}

	private final Map<Role, LocalDate> cutoffs;
	private final Accounts accounts;
	private final Clock clock;
	private final ZoneId zone;

	SignInPolicy(Settings settings, Accounts accounts, Clock clock, @Value("${eschool.zone:Asia/Vladivostok}") ZoneId zone) {
		this.cutoffs = settings.federatedOnlyFrom() == null || settings.federatedOnlyFrom().isEmpty() ? Map.of() : new EnumMap<>(settings.federatedOnlyFrom());
		this.accounts = accounts;
		this.clock = clock;
		this.zone = zone;
	}

	/** Whether a person holding these roles may sign in with a local password today. */
	public boolean passwordsAllowed(Collection<RoleGrant> grants) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		for (RoleGrant g : grants) {
			LocalDate from = cutoffs.get(g.role());
			if (from != null && !today.isBefore(from)) {
				return false;
			}
		}
		return true;
	}

	public boolean passwordsAllowed(long accountId) {
		return passwordsAllowed(accounts.grants(accountId));
	}
}
