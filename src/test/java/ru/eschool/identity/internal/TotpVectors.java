package ru.eschool.identity.internal;

/** Opens {@link Totp}'s package-private pieces to the tests of RFC 6238's vectors. */
public final class TotpVectors {

	private TotpVectors() {
	}

	public static String code(byte[] key, long step, int digits) {
		return Totp.code(key, step, digits);
	}

	public static String base32(byte[] bytes) {
		return Totp.base32(bytes);
	}
}
