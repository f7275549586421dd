package ru.eschool.identity.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.Accounts;
import ru.eschool.identity.internal.FederatedLinks;
import ru.eschool.identity.internal.Linking;
import ru.eschool.identity.internal.PendingIdentity;
import ru.eschool.identity.internal.SecurityEvents;
import ru.eschool.identity.internal.federation.FederatedUsers;
import ru.eschool.identity.internal.federation.FederationClients;

/**
 * What happens after the provider vouched for a person. A linked identity signs its account in;
 * an unknown one goes to the linking page with nothing signed in; a person linking one more
 * identity from the profile gets it linked. A refusal (wrong state, replayed code, a bad ID
 * token) leads to a page that says so, with nothing changed. Everything is audited.
 */
@Component
public class FederatedSignInHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FederatedSignInHandler.class);

	private final FederationClients clients;
	private final FederatedLinks links;
	private final Linking linking;
	private final Accounts accounts;
	private final SignIn signIn;
	private final AuditLog audit;
	private final Clock clock;

	FederatedSignInHandler(FederationClients clients, FederatedLinks links, Linking linking, Accounts accounts,
			SignIn signIn, AuditLog audit, Clock clock) {
		this.clients = clients;
		this.links = links;
		this.linking = linking;
		this.accounts = accounts;
		this.signIn = signIn;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OidcUser user = (OidcUser) authentication.getPrincipal();
		String provider = clients.provider();
		String subject = user.getSubject();
		String address = request.getRemoteAddr();
		HttpSession session = request.getSession();
		Object linkFor = session.getAttribute(PendingIdentity.LINK_FOR);
		session.removeAttribute(PendingIdentity.LINK_FOR);
		if (linkFor instanceof Long accountId && accounts.byId(accountId).isPresent()) {
			boolean ok = linking.linkToAccount(accountId, provider, subject);
			audit.record(SecurityEvents.LINK, accountId, address, ok ? Outcome.SUCCESS : Outcome.FAILURE,
					ok ? provider : provider + ":taken");
			signIn.signIn(accountId, request, response, false);
			response.sendRedirect(request.getContextPath() + (ok ? "/account?linked" : "/account?linkTaken"));
			return;
		}
		Optional<Long> linked = links.accountOf(provider, subject);
		if (linked.isPresent() && accounts.byId(linked.get()).map(Accounts.Account::enabled).orElse(false)) {
			audit.record(SecurityEvents.SIGN_IN, linked.get(), address, Outcome.SUCCESS, SecurityEvents.FEDERATED);
			signIn.signIn(linked.get(), request, response, true);
			response.sendRedirect(request.getContextPath() + "/");
			return;
		}
		// Nobody is signed in until the identity is linked: the provider's token is dropped.
		SecurityContextHolder.clearContext();
		new HttpSessionSecurityContextRepository().saveContext(SecurityContextHolder.createEmptyContext(), request,
				response);
		if (linked.isPresent()) {
			audit.record(SecurityEvents.SIGN_IN, linked.get(), address, Outcome.FAILURE, SecurityEvents.FEDERATED + ":disabled");
			response.sendRedirect(request.getContextPath() + "/signin/failed?reason=disabled");
			return;
		}
		audit.record(SecurityEvents.SIGN_IN, null, address, Outcome.FAILURE, SecurityEvents.FEDERATED + ":unlinked");
		session.setAttribute(PendingIdentity.SESSION,
				new PendingIdentity(provider, subject, FederatedUsers.displayName(user), clock.instant()));
		response.sendRedirect(request.getContextPath() + "/signin/link");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String code = exception instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "other";
		log.warn("Sign-in at the identity provider refused: {} ({})", code, exception.getMessage());
		String reason = switch (code) {
			case "authorization_request_not_found", "invalid_state_parameter" -> "state";
			case "invalid_id_token", "invalid_nonce" -> "token";
			case "invalid_token_response", "invalid_grant" -> "code";
			case "access_denied" -> "cancelled";
			default -> "other";
		};
		audit.record(SecurityEvents.SIGN_IN, null, request.getRemoteAddr(), Outcome.FAILURE,
				SecurityEvents.FEDERATED + ":" + code);
		response.sendRedirect(request.getContextPath() + "/signin/failed?reason=" + reason);
	}
}
