package ru.eschool.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The page budget of DESIGN.md on the real server: gzip on, the layout shell small, all CSS and
 * JS together within 40 KB gzipped, served under content-hash names with a year-long cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PageBudgetTests {

	static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

	@LocalServerPort int port;

	final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> gzipped(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theLoginPageIsGzippedAndWithinTheShellBudget() throws Exception {
		HttpResponse<byte[]> page = gzipped("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(page.body().length).as("gzipped bytes of /login").isLessThan(15 * 1024);
	}

	@Test
	void allCssAndJsFitFortyKilobytesGzippedUnderHashedNamesCachedForAYear() throws Exception {
		String html = new String(java.util.zip.GZIPInputStream.class.cast(
				new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped("/login").body())))
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		Matcher m = ASSET.matcher(html);
		long total = 0;
		int assets = 0;
		while (m.find()) {
			String path = m.group(1);
			assertThat(path).as("content-hash name").matches(".*-[0-9a-f]{32}\\.(css|js)");
			HttpResponse<byte[]> asset = gzipped(path);
			assertThat(asset.statusCode()).as(path).isEqualTo(200);
			assertThat(asset.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			assertThat(asset.headers().firstValue("Cache-Control").orElse("")).as(path).contains("max-age=31536000");
			total += asset.body().length;
			assets++;
		}
		assertThat(assets).isEqualTo(4); // CSS, htmx, app.js, passkeys.js
		assertThat(total).as("gzipped bytes of all CSS and JS").isLessThan(40 * 1024);
	}
}
