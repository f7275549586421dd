package ru.eschool.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code eschool.security.*}: limits of login throttling. */
@ConfigurationProperties("eschool.security")
public record IdentitySettings(int loginAttemptsPerAccount, int loginAttemptsPerAddress, Duration loginBlock) {

	public IdentitySettings {
		if (loginAttemptsPerAccount <= 0) {
			loginAttemptsPerAccount = 5;
		}
		if (loginAttemptsPerAddress <= 0) {
			loginAttemptsPerAddress = 100;
		}
		if (loginBlock == null) {
			loginBlock = Duration.ofMinutes(15);
		}
	}
}
