package ru.eschool.identity.internal.passkeys;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code eschool.identity.passkeys.*}: the relying party. Empty values are derived from
 * {@code eschool.public-url} (its host is the id, its origin the allowed origin), else localhost
 * on the server port.
 */
public record PasskeySettings(@Nullable String rpId, @Nullable String rpName, @Nullable List<String> origins) {

	public String id(@Nullable String publicUrl) {
		if (rpId != null && !rpId.isBlank()) {
			return rpId.strip();
		}
		return publicUrl == null || publicUrl.isBlank() ? "localhost" : URI.create(publicUrl.strip()).getHost();
	}

	public String name() {
		return rpName == null || rpName.isBlank() ? "e-School" : rpName;
	}

	public Set<String> allowedOrigins(@Nullable String publicUrl, int port) {
		Set<String> result = new LinkedHashSet<>();
		if (origins != null) {
			origins.stream().filter(o -> o != null && !o.isBlank()).map(o -> o.strip().replaceAll("/+$", ""))
				.forEach(result::add);
		}
		if (result.isEmpty()) {
			if (publicUrl != null && !publicUrl.isBlank()) {
				URI u = URI.create(publicUrl.strip());
				result.add(u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
			}
			else {
				result.add("http://localhost:" + port);
				result.add("http://localhost");
			}
		}
		return result;
	}
}
