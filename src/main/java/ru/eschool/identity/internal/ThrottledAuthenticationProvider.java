package ru.eschool.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling: a blocked account or address is refused before the password
 * is even checked, and each failure counts against both.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	/** Thrown while a login or address is blocked; carries the minutes left. */
	public static class Throttled extends AuthenticationException {

		private final long minutes;

		Throttled(long minutes) {
			super("throttled");
			this.minutes = minutes;
		}

		public long minutes() {
			return minutes;
		}
	}

	/** Thrown after a correct password when the region allows only the state provider for the role. */
	public static class FederatedOnly extends AuthenticationException {

		FederatedOnly() {
			super("federated-only");
		}
	}

	private final DaoAuthenticationProvider delegate;
	private final LoginThrottle throttle;
	private final Clock clock;

	private final @org.jspecify.annotations.Nullable SignInPolicy policy;

	public ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle, Clock clock) {
		this(delegate, throttle, clock, null);
	}

	public ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle, Clock clock,
			@org.jspecify.annotations.Nullable SignInPolicy policy) {
		this.policy = policy;
		this.delegate = delegate;
		this.throttle = throttle;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String login = String.valueOf(authentication.getPrincipal());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
				? d.getRemoteAddress() : "unknown";
		String accountKey = LoginThrottle.accountKey(login);
		String addressKey = LoginThrottle.addressKey(address);
		Optional<Instant> blocked = throttle.blockedUntil(accountKey).or(() -> throttle.blockedUntil(addressKey));
		if (blocked.isPresent()) {
			long minutes = Math.max(1, (Duration.between(clock.instant(), blocked.get()).getSeconds() + 59) / 60);
			throw new Throttled(minutes);
		}
		try {
			Authentication result = delegate.authenticate(authentication);
			throttle.succeeded(accountKey);
			if (policy != null && result.getPrincipal() instanceof ru.eschool.shared.AccountPrincipal p
					&& !policy.passwordsAllowed(p.grants())) {
				throw new FederatedOnly();
			}
			return result;
		}
		catch (BadCredentialsException e) {
			throttle.failed(accountKey, throttle.accountLimit());
			throttle.failed(addressKey, throttle.addressLimit());
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
