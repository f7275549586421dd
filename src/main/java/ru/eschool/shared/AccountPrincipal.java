package ru.eschool.shared;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it in the session. Built by the identity module
 * at sign-in; read by {@link ActorResolver} to make the {@link Actor} of each request.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long accountId;
	private final String login;
	private @Nullable String passwordHash;
	private final String displayName;
	private final List<RoleGrant> grants;
	private final boolean enabled;

	public AccountPrincipal(long accountId, String login, @Nullable String passwordHash, String displayName,
			List<RoleGrant> grants, boolean enabled) {
		this.accountId = accountId;
		this.login = login;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.grants = List.copyOf(grants);
		this.enabled = enabled;
	}

	public long accountId() {
		return accountId;
	}

	public String displayName() {
		return displayName;
	}

	public List<RoleGrant> grants() {
		return grants;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return grants.stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).distinct().toList();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return login;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
