package ru.eschool.shared.web;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import ru.eschool.shared.Actor;

/**
 * What the page layout needs on every page: who is signed in, the CSRF token, the language, the
 * menu and the hashed asset URLs. Put in every model by {@link ShellAdvice}.
 */
public record Shell(@Nullable Actor actor, @Nullable String csrfParameter, @Nullable String csrfHeader,
		@Nullable String csrfToken, String lang, String path, List<NavItem> nav, String cssUrl, String htmxUrl,
		String appJsUrl, boolean demo, String back, Supplier<List<HeaderBadge.Badge>> badgeSource) {

	/** The header counters, asked for only when the layout renders them. */
	public List<HeaderBadge.Badge> badges() {
		return actor == null ? List.of() : badgeSource.get();
	}

	public boolean signedIn() {
		return actor != null;
	}

	public boolean active(NavItem item) {
		return path.equals(item.href()) || (!item.href().equals("/") && path.startsWith(item.href() + "/"));
	}

	/**
	 * The link that switches the language: the same page for a GET, the home page after a POST
	 * (a form re-rendered with errors has a POST-only URL).
	 */
	public String languageLink(String lang) {
		return back + (back.contains("?") ? "&" : "?") + "lang=" + lang;
	}

	/** The JSON for htmx's hx-headers, so that htmx requests carry the CSRF token. */
	public String hxHeaders() {
		return csrfHeader == null ? "{}" : "{\"" + csrfHeader + "\":\"" + csrfToken + "\"}";
	}
}
