package ru.eschool.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SMS into the parts SMPP sends: plain ASCII in the default alphabet (160 characters, or
 * 153 per part), anything else (Cyrillic) in UCS-2 (70, or 67 per part). Parts of a long message
 * carry a concatenation header (UDH: IEI 0, reference, total, sequence), so phones join them.
 */
public final class SmsCodec {

	/** One part as bytes, and whether it starts with a user data header. */
	public record Part(byte[] bytes, boolean udh) {
	}

	private SmsCodec() {
	}

	public static boolean ucs2(String text) {
		return !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n');
	}

	public static List<Part> parts(String text, int reference) {
		boolean ucs2 = ucs2(text);
		int single = ucs2 ? 70 : 160;
		int per = ucs2 ? 67 : 153;
		List<String> chunks = new ArrayList<>();
		if (text.length() <= single) {
			chunks.add(text);
		}
		else {
			int i = 0;
			while (i < text.length()) {
				int end = Math.min(text.length(), i + per);
				if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
					end--;
				}
				chunks.add(text.substring(i, end));
				i = end;
			}
		}
		List<Part> parts = new ArrayList<>();
		for (int n = 0; n < chunks.size(); n++) {
			byte[] body = chunks.get(n).getBytes(ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
			if (chunks.size() == 1) {
				parts.add(new Part(body, false));
			}
			else {
				byte[] withUdh = new byte[6 + body.length];
				withUdh[0] = 5;
				withUdh[1] = 0;
				withUdh[2] = 3;
				withUdh[3] = (byte) reference;
				withUdh[4] = (byte) chunks.size();
				withUdh[5] = (byte) (n + 1);
				System.arraycopy(body, 0, withUdh, 6, body.length);
				parts.add(new Part(withUdh, true));
			}
		}
		return parts;
	}

	/** The text of one part as a phone shows it (for the in-process SMSC and tests). */
	public static String decode(byte[] bytes, boolean udh, boolean ucs2) {
		int skip = udh ? (bytes[0] & 0xff) + 1 : 0;
		return new String(bytes, skip, bytes.length - skip, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
	}
}
