package ru.eschool.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A session's security context is deserialised once per distinct bytes; every read gets its own
 * copy, so clearing one (a logout) leaves the others and the next read signed in.
 */
class KnownContextsTests {

	private final SerializingConverter serializer = new SerializingConverter();
	private final AtomicInteger deserialised = new AtomicInteger();
	private final DeserializingConverter plain = new DeserializingConverter(getClass().getClassLoader());
	private final Converter<byte[], Object> counting = bytes -> {
		deserialised.incrementAndGet();
		return plain.convert(bytes);
	};

	private byte[] contextOf(String login) {
		return serializer.convert(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(login, null,
				List.of(new SimpleGrantedAuthority("ROLE_TEACHER")))));
	}

	@Test
	void theSameBytesAreReadOnceAndEachReadGetsItsOwnContext() {
		SessionTouch.KnownContexts contexts = new SessionTouch.KnownContexts(counting, 100);
		byte[] anna = contextOf("anna");
		SecurityContext first = (SecurityContext) contexts.convert(anna);
		SecurityContext second = (SecurityContext) contexts.convert(anna.clone());
		assertThat(deserialised).hasValue(1);
		assertThat(second).isNotSameAs(first);
		assertThat(second.getAuthentication().getName()).isEqualTo("anna");

		first.setAuthentication(null);
		assertThat(((SecurityContext) contexts.convert(anna)).getAuthentication().getName()).isEqualTo("anna");

		assertThat(((SecurityContext) contexts.convert(contextOf("boris"))).getAuthentication().getName()).isEqualTo("boris");
		assertThat(deserialised).hasValue(2);
	}

	@Test
	void otherAttributesAreReadEveryTimeAndAFullCacheStartsAgain() {
		SessionTouch.KnownContexts contexts = new SessionTouch.KnownContexts(counting, 2);
		byte[] grant = serializer.convert(42L);
		assertThat(contexts.convert(grant)).isEqualTo(42L);
		assertThat(contexts.convert(grant)).isEqualTo(42L);
		assertThat(deserialised).hasValue(2);

		for (String login : List.of("a", "b", "c")) {
			contexts.convert(contextOf(login));
		}
		assertThat(((SecurityContext) contexts.convert(contextOf("c"))).getAuthentication().getName()).isEqualTo("c");
		assertThat(deserialised).as("a, b, c read, then c again from the cache").hasValue(5);
	}
}
