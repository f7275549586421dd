package ru.eschool.identity.internal.passkeys;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ru.eschool.audit.AuditLog;
import ru.eschool.audit.AuditLog.Outcome;
import ru.eschool.identity.internal.SecurityEvents;
import ru.eschool.shared.AccountPrincipal;

/**
 * An account's passkeys: Spring Security's JDBC repositories (tables {@code user_entities},
 * {@code user_credentials}); the user entity's name is the account's login. A new passkey saved by
 * Spring's registration filter is written to the audit log here.
 */
@Component
public class Passkeys {

	public record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
	}

	private final JdbcPublicKeyCredentialUserEntityRepository users;
	private final JdbcUserCredentialRepository credentials;
	private final AuditLog audit;

	Passkeys(JdbcOperations jdbc, AuditLog audit) {
		this.users = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
		this.credentials = new JdbcUserCredentialRepository(jdbc);
		this.audit = audit;
	}

	public PublicKeyCredentialUserEntityRepository users() {
		return users;
	}

	/** The credential repository for Spring's filters: a saved new credential is audited. */
	public UserCredentialRepository credentials() {
		return new UserCredentialRepository() {
			@Override
			public void delete(Bytes credentialId) {
				credentials.delete(credentialId);
			}

			@Override
			public void save(CredentialRecord record) {
				boolean isNew = credentials.findByCredentialId(record.getCredentialId()) == null;
				credentials.save(record);
				if (isNew) {
					audit.record(SecurityEvents.PASSKEY_ADDED, signedIn(), address(), Outcome.SUCCESS, shortLabel(record.getLabel()));
				}
			}

			@Override
			public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
				return credentials.findByCredentialId(credentialId);
			}

			@Override
			public List<CredentialRecord> findByUserId(Bytes userId) {
				return credentials.findByUserId(userId);
			}
		};
	}

	public List<Passkey> of(String login) {
		PublicKeyCredentialUserEntity user = users.findByUsername(login);
		if (user == null) {
			return List.of();
		}
		return credentials.findByUserId(user.getId()).stream()
			.map(c -> new Passkey(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
			.sorted(Comparator.comparing(Passkey::created, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	public boolean any(String login) {
		return !of(login).isEmpty();
	}

	/** Removes one of the account's own passkeys; false if it is not theirs. */
	public boolean remove(long accountId, String login, String credentialId, String address) {
		Optional<Passkey> key = of(login).stream().filter(p -> p.id().equals(credentialId)).findFirst();
		if (key.isEmpty()) {
			audit.record(SecurityEvents.PASSKEY_REMOVED, accountId, address, Outcome.FAILURE, null);
			return false;
		}
		credentials.delete(Bytes.fromBase64(credentialId));
		audit.record(SecurityEvents.PASSKEY_REMOVED, accountId, address, Outcome.SUCCESS, shortLabel(key.get().label()));
		return true;
	}

	/** The audit detail holds 200 characters; a label may be longer. */
	private static String shortLabel(String label) {
		return label.length() > 100 ? label.substring(0, 100) + "…" : label;
	}

	private static @Nullable Long signedIn() {
		Authentication a = SecurityContextHolder.getContext().getAuthentication();
		return a != null && a.getPrincipal() instanceof AccountPrincipal p ? p.accountId() : null;
	}

	private static @Nullable String address() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest().getRemoteAddr() : null;
	}
}
