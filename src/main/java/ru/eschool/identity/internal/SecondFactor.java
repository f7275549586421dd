package ru.eschool.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.eschool.shared.Db;
import ru.eschool.shared.DemoAccounts;
import ru.eschool.shared.Role;
import ru.eschool.shared.RoleGrant;

/**
 * The TOTP second factor that school and regional admins confirm after the password or the state
 * provider, before the session gets the admin role. Under the demo profile the listed demo
 * accounts skip it (they have a published password anyway).
 */
@Component
public class SecondFactor {

	public static final Set<Role> ROLES = Set.of(Role.SCHOOL_ADMIN, Role.REGION_ADMIN);

	public record Secret(String secret, boolean confirmed, long lastStep) {
	}

	private final JdbcClient db;
	private final Clock clock;
	private final boolean required;
	private final ObjectProvider<DemoAccounts> demo;

	SecondFactor(JdbcClient db, Clock clock,
			@Value("${eschool.identity.totp.required-for-admins:true}") boolean required,
			ObjectProvider<DemoAccounts> demo) {
		this.db = db;
		this.clock = clock;
		this.required = required;
		this.demo = demo;
	}

	public boolean required(String login, Collection<RoleGrant> grants) {
		if (!required || grants.stream().noneMatch(g -> ROLES.contains(g.role()))) {
			return false;
		}
		DemoAccounts accounts = demo.getIfAvailable();
		return accounts == null || accounts.list().stream().noneMatch(a -> a.login().equals(login));
	}

	public Optional<Secret> of(long accountId) {
		return db.sql("select secret, confirmed_at, last_step from identity_totp where account_id = :a")
			.param("a", accountId).query((rs, n) -> new Secret(rs.getString(1), rs.getObject(2) != null, rs.getLong(3)))
			.optional();
	}

	/** The secret being enrolled (made now if there is none). */
	public Secret enrolment(long accountId) {
		return of(accountId).orElseGet(() -> {
			db.sql("insert into identity_totp (account_id, secret, last_step) values (:a, :s, 0) on conflict do nothing")
				.param("a", accountId).param("s", Totp.newSecret()).update();
			return of(accountId).orElseThrow();
		});
	}

	/** Checks a typed code; a correct one confirms the enrolment and cannot be used again. */
	public boolean verify(long accountId, String code) {
		Optional<Secret> secret = of(accountId);
		if (secret.isEmpty()) {
			return false;
		}
		OptionalLong step = Totp.matchingStep(secret.get().secret(), code, clock.instant());
		if (step.isEmpty() || step.getAsLong() <= secret.get().lastStep()) {
			return false;
		}
		// conditional: of two requests with the same code, one wins
		return db.sql("""
				update identity_totp set last_step = :step, confirmed_at = coalesce(confirmed_at, :now)
				where account_id = :a and last_step < :step""")
			.param("step", step.getAsLong()).param("now", Db.utc(clock.instant())).param("a", accountId).update() == 1;
	}
}
