package ru.eschool.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits,
 * accepted one step either side for clocks that drift. Secrets are shown and stored in Base32
 * (RFC 4648), as authenticator apps expect.
 */
public final class Totp {

	static final int DIGITS = 6;
	static final long STEP_SECONDS = 30;
	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new 160-bit secret in Base32. */
	public static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return base32(bytes);
	}

	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of a step, with the given number of digits (RFC 4226 dynamic truncation). */
	static String code(byte[] key, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = h[h.length - 1] & 0x0f;
			int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
					| (h[offset + 3] & 0xff);
			int mod = (int) Math.pow(10, digits);
			return String.format(Locale.ROOT, "%0" + digits + "d", binary % mod);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String code(String secret, Instant at) {
		return code(decode32(secret), step(at), DIGITS);
	}

	/** The step whose code this is (the current one, or one either side), if any. */
	public static OptionalLong matchingStep(String secret, String typed, Instant at) {
		String code = typed == null ? "" : typed.replaceAll("\\s", "");
		if (!code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		byte[] key = decode32(secret);
		long now = step(at);
		for (long s = now - 1; s <= now + 1; s++) {
			if (java.security.MessageDigest.isEqual(code(key, s, DIGITS).getBytes(), code.getBytes())) {
				return OptionalLong.of(s);
			}
		}
		return OptionalLong.empty();
	}

	/** {@code otpauth://} URI for authenticator apps. */
	public static String uri(String issuer, String account, String secret) {
		String label = enc(issuer) + ":" + enc(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer) + "&algorithm=SHA1&digits="
				+ DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	static String base32(byte[] bytes) {
		StringBuilder sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	static byte[] decode32(String text) {
		String s = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
		ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : s.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not Base32");
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}
}
