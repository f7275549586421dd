package ru.eschool.identity.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import ru.eschool.audit.AuditLog;
import ru.eschool.identity.internal.passkeys.PasskeySettings;
import ru.eschool.identity.internal.passkeys.Passkeys;
import ru.eschool.identity.internal.passkeys.SessionCreationOptions;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.federation.FederationConfig.Federation;
import ru.eschool.identity.web.FederatedSignInHandler;
import ru.eschool.identity.web.SecondFactorGate;
import ru.eschool.identity.web.SignIn;
import ru.eschool.shared.AccountPrincipal;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what, and the protections every page has: CSRF on every form, a CSP with no inline
 * script and no framing, session-fixation protection and an idle timeout (spring.session.timeout).
 * Finer checks (role, school, relation) are made by each module through the request's Actor.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(Accounts accounts) {
		// An account without a password (made after a sign-in at the state provider) has no password way in.
		return login -> accounts.byLogin(login).filter(a -> a.passwordHash() != null).map(accounts::principal)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
			Clock clock, SignInPolicy policy, Accounts accounts, AuditLog audit, Federation federation,
			FederatedSignInHandler federated, SignIn signIn, Passkeys passkeys, Environment env) throws Exception {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(encoder);
		// One manager for both ways in: an explicit manager has no parent, so a throttled or refused
		// password is never retried by a fallback provider.
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle, clock, policy),
				new OidcAuthorizationCodeAuthenticationProvider(federation.tokens(), federation.users()));
		// the passkey filters take these from the shared objects
		http.setSharedObject(UserDetailsService.class, (UserDetailsService) login -> accounts.byLogin(login)
			.map(accounts::principal).filter(AccountPrincipal::isEnabled).orElseThrow(() -> new UsernameNotFoundException("unknown")));
		http.setSharedObject(PublicKeyCredentialUserEntityRepository.class, passkeys.users());
		http.setSharedObject(UserCredentialRepository.class, passkeys.credentials());
		http.authenticationManager(manager)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/register", "/register/**", "/css/**", "/js/**", "/webjars/**",
						"/favicon.ico", "/error", "/help", "/consent", "/signin/**", "/oauth2/**", "/login/oauth2/**",
						"/webauthn/authenticate/options", "/login/webauthn")
				.permitAll()
				.requestMatchers("/region/**").hasRole("REGION_ADMIN")
				.requestMatchers("/admin/**").hasRole("SCHOOL_ADMIN")
				.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").successHandler(successHandler(audit, signIn))
				.failureHandler(failureHandler(accounts, audit)).permitAll())
			.oauth2Login(o -> o.loginPage("/login")
				.clientRegistrationRepository(federation.clients())
				.authorizedClientRepository(new NoAuthorizedClients())
				.authorizationEndpoint(e -> e.authorizationRequestResolver(federation.resolver()))
				.tokenEndpoint(e -> e.accessTokenResponseClient(federation.tokens()))
				.userInfoEndpoint(e -> e.oidcUserService(federation.users()))
				.successHandler(federated).failureHandler(federated))
			.webAuthn(w -> passkeys(w, env, audit, signIn))
			.addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class)
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Passkeys: Spring's filters with the JDBC repositories, the registration options kept in the
	 * session as a serializable copy (Spring Session JDBC), the relying party from
	 * eschool.identity.passkeys.*. A passkey is a way in under the federated-only region policy too
	 * (the policy refuses passwords only); it finds accounts with or without a password.
	 */
	private static void passkeys(WebAuthnConfigurer<HttpSecurity> w, Environment env, AuditLog audit,
			SignIn signIn) {
		PasskeySettings settings = Binder.get(env).bind("eschool.identity.passkeys", PasskeySettings.class)
			.orElse(new PasskeySettings(null, null, null));
		String publicUrl = env.getProperty("eschool.public-url", "");
		int port = env.getProperty("server.port", Integer.class, 8080);
		w.rpId(settings.id(publicUrl)).rpName(settings.name()).allowedOrigins(settings.allowedOrigins(publicUrl, port))
			.disableDefaultRegistrationPage(true)
			.creationOptionsRepository(new SessionCreationOptions())
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
					HttpMessageConverterAuthenticationSuccessHandler json = new HttpMessageConverterAuthenticationSuccessHandler();
					filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
						long account = signIn.afterPasskey(authentication.getName(), request, response);
						audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.SUCCESS,
								SecurityEvents.PASSKEY);
						json.onAuthenticationSuccess(request, response, authentication);
					});
					filter.setAuthenticationFailureHandler((request, response, e) -> {
						audit.record(SecurityEvents.SIGN_IN, null, request.getRemoteAddr(), Outcome.FAILURE,
								SecurityEvents.PASSKEY);
						response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
					});
					return filter;
				}
			});
	}

	private static AuthenticationSuccessHandler successHandler(AuditLog audit, SignIn signIn) {
		return (request, response, authentication) -> {
			Long account = authentication.getPrincipal() instanceof AccountPrincipal p ? p.accountId() : null;
			audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.SUCCESS, SecurityEvents.PASSWORD);
			if (authentication.getPrincipal() instanceof AccountPrincipal p) {
				signIn.afterPassword(p, request, response);
			}
			response.sendRedirect(request.getContextPath() + "/");
		};
	}

	private static AuthenticationFailureHandler failureHandler(Accounts accounts, AuditLog audit) {
		// A disabled account is answered like a wrong password: the answer must not tell whether a
		// login exists (Spring checks "enabled" before the password).
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			String login = request.getParameter("username");
			Long account = login == null ? null : accounts.byLogin(login).map(Accounts.Account::id).orElse(null);
			String target;
			if (e instanceof ThrottledAuthenticationProvider.Throttled t) {
				audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.BLOCKED, SecurityEvents.PASSWORD);
				target = "/login?error=throttled&minutes=" + t.minutes();
			}
			else if (e instanceof ThrottledAuthenticationProvider.FederatedOnly) {
				audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.FAILURE,
						SecurityEvents.PASSWORD + ":federated-only");
				target = "/login?error=federatedOnly";
			}
			else {
				audit.record(SecurityEvents.SIGN_IN, account, request.getRemoteAddr(), Outcome.FAILURE, SecurityEvents.PASSWORD);
				target = "/login?error=bad";
			}
			response.sendRedirect(request.getContextPath() + target);
		};
	}

	/** Access tokens are used once, while signing in, and never kept (not in memory, not in the session). */
	static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}
	}
}
