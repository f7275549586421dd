package ru.eschool.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import ru.eschool.identity.internal.Accounts;
import ru.eschool.identity.internal.Accounts.Account;
import ru.eschool.identity.internal.SecondFactor;
import ru.eschool.shared.AccountPrincipal;
import ru.eschool.shared.RoleGrant;

/**
 * Signs an account in (after registration, linking, the state provider, a school code) or
 * refreshes its roles (after a new role was added). An admin who must confirm the second factor
 * gets a session without the admin roles, marked {@link #TOTP_PENDING}, until the code is typed.
 */
@Component
public class SignIn {

	/** Session attribute: the account that still has to type its TOTP code. */
	public static final String TOTP_PENDING = "eschool.totp.pending";

	private final Accounts accounts;
	private final SecondFactor secondFactor;
	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SignIn(Accounts accounts, SecondFactor secondFactor) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
	}

	void signIn(long accountId, HttpServletRequest request, HttpServletResponse response, boolean newSession) {
		if (newSession) {
			request.getSession(true);
			request.changeSessionId();
		}
		Account account = accounts.byId(accountId).orElseThrow();
		AccountPrincipal principal = accounts.principal(account);
		if (newSession && secondFactor.required(account.login(), principal.grants())) {
			gate(principal, request, response);
			return;
		}
		save(principal, request, response);
	}

	/** After a password sign-in (Spring already made the session): holds back the admin roles if needed. */
	public void afterPassword(AccountPrincipal signedIn, HttpServletRequest request, HttpServletResponse response) {
		if (secondFactor.required(signedIn.getUsername(), signedIn.grants())) {
			gate(accounts.principal(accounts.byId(signedIn.accountId()).orElseThrow()), request, response);
		}
	}

	/**
	 * After a passkey sign-in: Spring's filter put a WebAuthnAuthentication (its principal is the
	 * passkey's user entity) in the already renewed session; this replaces it by the account's
	 * principal, holding back the admin roles if the second factor is due. Returns the account id.
	 */
	public long afterPasskey(String login, HttpServletRequest request, HttpServletResponse response) {
		Account account = accounts.byLogin(login).orElseThrow();
		AccountPrincipal principal = accounts.principal(account);
		if (secondFactor.required(account.login(), principal.grants())) {
			gate(principal, request, response);
		}
		else {
			save(principal, request, response);
		}
		return account.id();
	}

	/** The code was right: the whole account, in a new session id. */
	void confirmed(long accountId, HttpServletRequest request, HttpServletResponse response) {
		request.getSession().removeAttribute(TOTP_PENDING);
		request.changeSessionId();
		AccountPrincipal principal = accounts.principal(accounts.byId(accountId).orElseThrow());
		save(principal, request, response);
	}

	private void gate(AccountPrincipal full, HttpServletRequest request, HttpServletResponse response) {
		List<RoleGrant> rest = full.grants().stream().filter(g -> !SecondFactor.ROLES.contains(g.role())).toList();
		request.getSession(true).setAttribute(TOTP_PENDING, full.accountId());
		save(new AccountPrincipal(full.accountId(), full.getUsername(), null, full.displayName(), rest, full.isEnabled()),
				request, response);
	}

	private void save(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		principal.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}
}
