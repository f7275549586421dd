package ru.eschool.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import ru.eschool.identity.internal.Accounts;
import ru.eschool.shared.AccountPrincipal;

/** Signs an account in (after registration) or refreshes its roles (after a new role was added). */
@Component
class SignIn {

	private final Accounts accounts;
	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SignIn(Accounts accounts) {
		this.accounts = accounts;
	}

	void signIn(long accountId, HttpServletRequest request, HttpServletResponse response, boolean newSession) {
		AccountPrincipal principal = accounts.principal(accounts.byId(accountId).orElseThrow());
		principal.eraseCredentials();
		if (newSession) {
			request.getSession(true);
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}
}
