package ru.eschool.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/** While the second factor is pending, every page but the code page (and sign-out) leads there. */
public class SecondFactorGate extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (session != null && session.getAttribute(SignIn.TOTP_PENDING) != null && !path.startsWith("/signin/totp")
				&& !path.equals("/logout") && !path.startsWith("/css/") && !path.startsWith("/js/")
				&& !path.startsWith("/webjars/") && !path.equals("/favicon.ico") && !path.equals("/error")) {
			response.sendRedirect(request.getContextPath() + "/signin/totp");
			return;
		}
		chain.doFilter(request, response);
	}
}
