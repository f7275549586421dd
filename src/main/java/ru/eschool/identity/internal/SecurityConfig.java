package ru.eschool.identity.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
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
		return login -> accounts.byLogin(login).map(accounts::principal)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	@Bean
	SecurityFilterChain web(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
			Clock clock) throws Exception {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle, clock));
		http.authenticationManager(manager)
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/register", "/register/**", "/css/**", "/js/**", "/webjars/**",
						"/favicon.ico", "/error", "/help", "/consent")
				.permitAll()
				.requestMatchers("/region/**").hasRole("REGION_ADMIN")
				.requestMatchers("/admin/**").hasRole("SCHOOL_ADMIN")
				.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failureHandler())
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static AuthenticationFailureHandler failureHandler() {
		// A disabled account is answered like a wrong password: the answer must not tell whether a
		// login exists (Spring checks "enabled" before the password).
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			String target;
			if (e instanceof ThrottledAuthenticationProvider.Throttled t) {
				target = "/login?error=throttled&minutes=" + t.minutes();
			}
			else {
				target = "/login?error=bad";
			}
			response.sendRedirect(request.getContextPath() + target);
		};
	}

}
