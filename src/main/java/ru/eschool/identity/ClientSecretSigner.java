package ru.eschool.identity;

/**
 * Signs ESIA's {@code client_secret}: a detached PKCS#7 (CMS) signature of
 * {@code scope + timestamp + clientId + state}, base64url-encoded. The default signs with a key
 * from a PKCS#12 file (RSA, or GOST R 34.10-2012 through BouncyCastle); a bean of this type
 * replaces it (a hardware token, a signing service).
 */
public interface ClientSecretSigner {

	/** The base64url detached CMS signature of the UTF-8 bytes of {@code content}. */
	String sign(String content);

	/** {@code client_certificate_hash}: the hash of the signing certificate, in hex. */
	String certificateHash();
}
