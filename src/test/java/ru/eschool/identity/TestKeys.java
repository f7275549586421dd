package ru.eschool.identity;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test keys and certificates (RSA and GOST), and verification of detached CMS signatures. */
final class TestKeys {

	static final Provider BC = new BouncyCastleProvider();

	record Issued(KeyPair keys, X509Certificate certificate) {
	}

	static Issued rsa() {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
			g.initialize(2048);
			return issue(g.generateKeyPair(), "SHA256withRSA");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static Issued gost() {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("ECGOST3410-2012", BC);
			g.initialize(new ECGenParameterSpec("Tc26-Gost-3410-12-256-paramSetA"));
			return issue(g.generateKeyPair(), "GOST3411-2012-256WITHECGOST3410-2012-256");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static Issued issue(KeyPair keys, String algorithm) throws Exception {
		X500Name name = new X500Name("CN=e-School test system");
		Instant now = Instant.now();
		X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
				Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
				keys.getPublic()).build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(keys.getPrivate()));
		return new Issued(keys, new JcaX509CertificateConverter().setProvider(BC).getCertificate(holder));
	}

	/** Writes the key and certificate to a PKCS#12 file. */
	static Path keyStore(Issued issued, String password) {
		try {
			boolean gost = issued.keys().getPrivate().getAlgorithm().toUpperCase().contains("GOST");
			KeyStore store = gost ? KeyStore.getInstance("PKCS12", BC) : KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("system", issued.keys().getPrivate(), password.toCharArray(),
					new Certificate[] { issued.certificate() });
			Path file = Files.createTempFile("esia-test-", ".p12");
			try (OutputStream out = Files.newOutputStream(file)) {
				store.store(out, password.toCharArray());
			}
			file.toFile().deleteOnExit();
			return file;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether a base64url detached CMS signature is this certificate's signature of the content. */
	static boolean verifies(String signature, String content, X509Certificate certificate) {
		try {
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content.getBytes(StandardCharsets.UTF_8)),
					Base64.getUrlDecoder().decode(signature));
			for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
				if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate))) {
					return false;
				}
			}
			return !cms.getSignerInfos().getSigners().isEmpty();
		}
		catch (Exception e) {
			return false;
		}
	}
}
