package ru.eschool.school.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import ru.eschool.TestData;
import ru.eschool.TestData.Account;
import ru.eschool.TestData.School;
import ru.eschool.shared.Role;

/**
 * A file over the servlet's multipart limit cannot even be read for its CSRF field by the real
 * server (MockMvc does not parse multipart bodies, so this needs a running server): the person
 * gets the upload page back with a message, not a bare 413 or 403.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class RosterUploadLimitTests {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort int port;
	@Autowired TestData data;

	@Test
	void aFileOverTheServletLimitComesBackToTheFormWithAMessage() throws Exception {
		School school = data.school();
		long staff = data.staff(school, "Завуч", "Елена", "DEPUTY");
		Account admin = data.account("Завуч Елена", TestData.grant(Role.SCHOOL_ADMIN, school, staff));
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String token = csrf(http.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
		String form = "username=" + admin.login() + "&password=password1&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());

		String page = http.send(get("/admin/import"), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("data-max-bytes=\"2097152\"");
		String csrf = csrf(page);

		String boundary = "----roster" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nstudents\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(new byte[4 * 1024 * 1024]);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> upload = http.send(HttpRequest.newBuilder(uri("/admin/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/import?tooBig=1"));
		String back = http.send(get("/admin/import?tooBig=1"), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(back).contains("Файл больше 2 МБ. Разделите его на несколько файлов.");
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET().build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
