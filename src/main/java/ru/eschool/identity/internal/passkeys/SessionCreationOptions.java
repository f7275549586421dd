package ru.eschool.identity.internal.passkeys;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the passkey registration options in the session as a {@link Serializable} copy: Spring's
 * {@code PublicKeyCredentialCreationOptions} is not serializable, so Spring Session JDBC cannot
 * store it (ADR 0010). Only plain values (strings, byte arrays, numbers) go into the session.
 */
public final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	static final String ATTRIBUTE = "eschool.passkeys.creationOptions";

	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	private static final List<UserVerificationRequirement> VERIFICATION = List.of(UserVerificationRequirement.DISCOURAGED,
			UserVerificationRequirement.PREFERRED, UserVerificationRequirement.REQUIRED);

	record Descriptor(String type, byte[] id, List<String> transports) implements Serializable {
	}

	/** A serializable copy of the options. */
	record Snapshot(String rpId, String rpName, byte[] userId, String userName, @Nullable String userDisplayName,
			byte[] challenge, long[] algorithms, @Nullable Duration timeout, List<Descriptor> exclude,
			@Nullable String attachment, @Nullable String residentKey, @Nullable String userVerification,
			@Nullable String attestation, @Nullable AuthenticationExtensionsClientInputs extensions) implements Serializable {

		static Snapshot of(PublicKeyCredentialCreationOptions o) {
			AuthenticatorSelectionCriteria s = o.getAuthenticatorSelection();
			List<Descriptor> exclude = new ArrayList<>();
			for (PublicKeyCredentialDescriptor d : o.getExcludeCredentials()) {
				exclude.add(new Descriptor(d.getType().getValue(), d.getId().getBytes(),
						d.getTransports() == null ? List.of()
								: new ArrayList<>(d.getTransports().stream().map(AuthenticatorTransport::getValue).toList())));
			}
			return new Snapshot(o.getRp().getId(), o.getRp().getName(), o.getUser().getId().getBytes(), o.getUser().getName(),
					o.getUser().getDisplayName(), o.getChallenge().getBytes(),
					o.getPubKeyCredParams().stream().mapToLong(p -> p.getAlg().getValue()).toArray(), o.getTimeout(), exclude,
					s == null || s.getAuthenticatorAttachment() == null ? null : s.getAuthenticatorAttachment().getValue(),
					s == null || s.getResidentKey() == null ? null : s.getResidentKey().getValue(),
					s == null || s.getUserVerification() == null ? null : s.getUserVerification().getValue(),
					o.getAttestation() == null ? null : o.getAttestation().getValue(), o.getExtensions());
		}

		PublicKeyCredentialCreationOptions options() {
			List<PublicKeyCredentialParameters> params = new ArrayList<>();
			for (long alg : algorithms) {
				ALGORITHMS.stream().filter(p -> p.getAlg().getValue() == alg).findFirst().ifPresent(params::add);
			}
			AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria
				.builder();
			if (attachment != null) {
				selection.authenticatorAttachment(AuthenticatorAttachment.valueOf(attachment));
			}
			if (residentKey != null) {
				selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
			}
			if (userVerification != null) {
				VERIFICATION.stream().filter(v -> v.getValue().equals(userVerification)).findFirst()
					.ifPresent(selection::userVerification);
			}
			var builder = PublicKeyCredentialCreationOptions.builder()
				.rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
				.user(ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(userId)).name(userName)
					.displayName(userDisplayName).build())
				.challenge(new Bytes(challenge))
				.pubKeyCredParams(params)
				.excludeCredentials(exclude.stream()
					.map(d -> PublicKeyCredentialDescriptor.builder().type(PublicKeyCredentialType.valueOf(d.type()))
						.id(new Bytes(d.id()))
						.transports(d.transports().stream().map(AuthenticatorTransport::valueOf).collect(Collectors.toSet()))
						.build())
					.toList())
				.authenticatorSelection(selection.build());
			if (timeout != null) {
				builder.timeout(timeout);
			}
			if (attestation != null) {
				builder.attestation(AttestationConveyancePreference.valueOf(attestation));
			}
			if (extensions != null) {
				builder.extensions(extensions);
			}
			return builder.build();
		}
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		request.getSession().setAttribute(ATTRIBUTE, Snapshot.of(options));
	}

	@Override
	public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(ATTRIBUTE) instanceof Snapshot s ? s.options() : null;
	}

}
