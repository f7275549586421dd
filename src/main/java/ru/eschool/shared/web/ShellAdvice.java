package ru.eschool.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import ru.eschool.shared.Actor;
import ru.eschool.shared.ActorResolver;

/** Adds the {@link Shell} to the model of every page. */
@ControllerAdvice
class ShellAdvice {

	static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";

	private final ResourceUrlProvider urls;
	private final List<Navigation> navigations;
	private final List<HeaderBadge> badges;
	private final JdbcClient db;
	private final boolean demo;

	ShellAdvice(ResourceUrlProvider urls, List<Navigation> navigations, List<HeaderBadge> badges, JdbcClient db,
			Environment env) {
		this.db = db;
		this.urls = urls;
		this.navigations = navigations;
		this.badges = badges;
		this.demo = env.acceptsProfiles(Profiles.of("demo"));
	}

	@ModelAttribute("shell")
	Shell shell(HttpServletRequest request) {
		Actor actor = ActorResolver.current(request);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		List<NavItem> nav = new ArrayList<>();
		if (actor != null) {
			navigations.forEach(n -> nav.addAll(n.itemsFor(actor.role())));
		}
		return new Shell(actor, csrf == null ? null : csrf.getParameterName(), csrf == null ? null : csrf.getHeaderName(),
				csrf == null ? null : csrf.getToken(), I18n.lang(), request.getRequestURI(), nav,
				asset("/css/app.css"), asset(HTMX), asset("/js/app.js"), demo, back(request), badgeSource(actor));
	}

	/** Computed once per request and only if the layout asks: htmx fragments never pay for it. */
	private Supplier<List<HeaderBadge.Badge>> badgeSource(Actor actor) {
		if (actor == null || badges.isEmpty()) {
			return List::of;
		}
		List<HeaderBadge.Badge> found = new ArrayList<>();
		boolean[] asked = { false };
		return () -> {
			if (!asked[0]) {
				asked[0] = true;
				found.addAll(count(actor));
			}
			return found;
		};
	}

	/** Every counter of the person in one statement: {@code select (count 1), (count 2), ...}. */
	private List<HeaderBadge.Badge> count(Actor actor) {
		List<HeaderBadge.Counter> counters = new ArrayList<>();
		badges.forEach(b -> b.counterFor(actor).ifPresent(counters::add));
		if (counters.isEmpty()) {
			return List.of();
		}
		StringJoiner select = new StringJoiner(", ", "select ", "");
		counters.forEach(c -> select.add(c.countSql()));
		List<HeaderBadge.Badge> shown = new ArrayList<>();
		db.sql(select.toString()).param("account", actor.accountId()).query(rs -> {
			for (int i = 0; i < counters.size(); i++) {
				int n = rs.getInt(i + 1);
				if (n > 0) {
					HeaderBadge.Counter c = counters.get(i);
					shown.add(new HeaderBadge.Badge(c.href(), c.labelKey(), n));
				}
			}
		});
		return shown;
	}

	private static String back(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return "/";
		}
		String query = request.getQueryString() == null ? ""
				: request.getQueryString().replaceAll("(^|&)lang=[^&]*", "").replaceFirst("^&", "");
		return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
	}

	private String asset(String path) {
		String url = urls.getForLookupPath(path);
		return url == null ? path : url;
	}
}
