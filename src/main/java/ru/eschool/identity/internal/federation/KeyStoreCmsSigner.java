package ru.eschool.identity.internal.federation;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

import ru.eschool.identity.ClientSecretSigner;

/**
 * Signs with the system's key from a PKCS#12 file: SHA-256 with RSA for an RSA key (test
 * systems), GOST R 34.11-2012 with GOST R 34.10-2012 for a GOST key (ESIA in production), both
 * through BouncyCastle. The signature is detached CMS, base64url without padding.
 */
public final class KeyStoreCmsSigner implements ClientSecretSigner {

	private static final Provider BC = new BouncyCastleProvider();

	private final PrivateKey key;
	private final X509Certificate certificate;
	private final String certificateHash;

	public KeyStoreCmsSigner(PrivateKey key, X509Certificate certificate, @Nullable String certificateHash) {
		this.key = key;
		this.certificate = certificate;
		this.certificateHash = certificateHash == null || certificateHash.isBlank() ? hash(certificate)
				: certificateHash.strip();
	}

	/** Loads the key and certificate from a PKCS#12 file (the alias may be empty: the first key). */
	public static KeyStoreCmsSigner fromKeyStore(Path file, String password, @Nullable String alias,
			@Nullable String certificateHash) {
		Exception first = null;
		// the JDK reads RSA stores; a GOST key needs BouncyCastle's PKCS#12
		for (Provider provider : new Provider[] { null, BC }) {
			try (InputStream in = Files.newInputStream(file)) {
				KeyStore store = provider == null ? KeyStore.getInstance("PKCS12") : KeyStore.getInstance("PKCS12", provider);
				store.load(in, password.toCharArray());
				String name = alias;
				if (name == null || name.isBlank()) {
					name = null;
					Enumeration<String> aliases = store.aliases();
					while (aliases.hasMoreElements() && name == null) {
						String a = aliases.nextElement();
						if (store.isKeyEntry(a)) {
							name = a;
						}
					}
				}
				if (name == null) {
					throw new IllegalStateException("no key in " + file);
				}
				PrivateKey key = (PrivateKey) store.getKey(name, password.toCharArray());
				java.security.cert.Certificate cert = store.getCertificate(name);
				if (cert == null && store.getCertificateChain(name) != null && store.getCertificateChain(name).length > 0) {
					cert = store.getCertificateChain(name)[0];
				}
				if (key == null || cert == null) {
					throw new IllegalStateException("no key with its certificate under '" + name + "' in " + file);
				}
				return new KeyStoreCmsSigner(key, (X509Certificate) cert, certificateHash);
			}
			catch (Exception e) {
				if (first == null) {
					first = e;
				}
			}
		}
		throw new IllegalStateException("cannot read the ESIA signing key from " + file + ": " + first.getMessage(), first);
	}

	static boolean gost(String algorithm) {
		return algorithm.toUpperCase(Locale.ROOT).contains("GOST");
	}

	@Override
	public String sign(String content) {
		try {
			String algorithm = gost(key.getAlgorithm()) ? "GOST3411-2012-256WITHECGOST3410-2012-256" : "SHA256withRSA";
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
				.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key), certificate));
			generator.addCertificates(new JcaCertStore(List.of(certificate)));
			byte[] signature = generator
				.generate(new CMSProcessableByteArray(content.getBytes(StandardCharsets.UTF_8)), false)
				.getEncoded();
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot sign the client secret: " + e.getMessage(), e);
		}
	}

	@Override
	public String certificateHash() {
		return certificateHash;
	}

	/** The hash of the certificate: GOST R 34.11-2012 (256) for a GOST certificate, else SHA-256. */
	static String hash(X509Certificate certificate) {
		try {
			MessageDigest digest = gost(certificate.getPublicKey().getAlgorithm())
					? MessageDigest.getInstance("GOST3411-2012-256", BC) : MessageDigest.getInstance("SHA-256");
			return HexFormat.of().withUpperCase().formatHex(digest.digest(certificate.getEncoded()));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
