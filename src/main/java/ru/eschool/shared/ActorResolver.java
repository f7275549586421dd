package ru.eschool.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controllers the {@link Actor} of the request as a method parameter. The active role is
 * kept in the session (the role switcher changes it); it defaults to the account's first role.
 */
public final class ActorResolver implements HandlerMethodArgumentResolver {

	/** Session attribute holding the id of the active {@link RoleGrant}. */
	public static final String ACTIVE_GRANT = "eschool.activeGrant";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Actor.class;
	}

	@Override
	public Actor resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		Actor actor = current(webRequest.getNativeRequest(HttpServletRequest.class));
		if (actor == null) {
			throw new Forbidden();
		}
		return actor;
	}

	/** The actor of a request, or null when nobody with a role is signed in. */
	public static @Nullable Actor current(@Nullable HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal p) || p.grants().isEmpty()) {
			return null;
		}
		RoleGrant active = p.grants().get(0);
		HttpSession session = request == null ? null : request.getSession(false);
		if (session != null && session.getAttribute(ACTIVE_GRANT) instanceof Long id) {
			for (RoleGrant g : p.grants()) {
				if (g.id() == id) {
					active = g;
				}
			}
		}
		return new Actor(p.accountId(), p.getUsername(), p.displayName(), active, p.grants());
	}
}
