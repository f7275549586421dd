package ru.eschool.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.eschool.notification.internal.SmsCodec;

/** How an SMS is cut into SMPP parts: single or concatenated, GSM default or UCS-2, always joinable. */
class NotificationSmsCodecTests {

	@Test
	void shortLatinTextIsOnePartWithoutHeader() {
		List<SmsCodec.Part> parts = SmsCodec.parts("New mark: 5", 7);
		assertThat(parts).hasSize(1);
		assertThat(parts.get(0).udh()).isFalse();
		assertThat(new String(parts.get(0).bytes())).isEqualTo("New mark: 5");
	}

	@Test
	void cyrillicGoesAsUcs2SeventyCharactersToAPart() {
		assertThat(SmsCodec.ucs2("Оценка 5")).isTrue();
		assertThat(SmsCodec.parts("ж".repeat(70), 1)).hasSize(1);
		List<SmsCodec.Part> parts = SmsCodec.parts("ж".repeat(71), 9);
		assertThat(parts).hasSize(2);
		byte[] first = parts.get(0).bytes();
		assertThat(first).startsWith(5, 0, 3, 9, 2, 1);
		assertThat(first.length).isEqualTo(6 + 67 * 2);
	}

	static Stream<String> randomTexts() {
		return IntStream.range(0, 40).mapToObj(seed -> {
			Random r = new Random(seed);
			String alphabet = seed % 2 == 0 ? "абвгдеёжзийклмнопрстуфхцчшщъыьэюя «»—0123456789" : "abcdefghij KLMNOP.,:0123456789";
			StringBuilder sb = new StringBuilder();
			int n = r.nextInt(400);
			for (int i = 0; i < n; i++) {
				sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
			}
			return sb.toString();
		});
	}

	@ParameterizedTest(name = "seeded text {index}")
	@MethodSource("randomTexts")
	void thePartsJoinBackIntoTheTextAndEachFitsInAnSms(String text) {
		boolean ucs2 = SmsCodec.ucs2(text);
		List<SmsCodec.Part> parts = SmsCodec.parts(text, 42);
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < parts.size(); i++) {
			SmsCodec.Part p = parts.get(i);
			assertThat(p.bytes().length).isLessThanOrEqualTo(140 + (ucs2 ? 0 : 20));
			assertThat(p.udh()).isEqualTo(parts.size() > 1);
			if (p.udh()) {
				assertThat(p.bytes()[4]).isEqualTo((byte) parts.size());
				assertThat(p.bytes()[5]).isEqualTo((byte) (i + 1));
			}
			joined.append(SmsCodec.decode(p.bytes(), p.udh(), ucs2));
		}
		assertThat(joined.toString()).isEqualTo(text);
	}
}
