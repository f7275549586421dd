package ru.eschool.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import ru.eschool.TestData;

/**
 * Journeys a person walks, in headless Chromium against the whole application on a random port.
 * Uses Debian's {@code chromium} and {@code chromedriver} (bin/test installs them); Selenium
 * Manager is never asked to find or download anything. One browser per test class, a fresh
 * profile each time; a failed test leaves a screenshot and the page source in
 * {@code target/browser-failures}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
@ExtendWith(BrowserTest.FailureSnapshots.class)
public abstract class BrowserTest {

	static final Path CHROMIUM = Path.of(System.getProperty("eschool.chromium", "/usr/bin/chromium"));
	static final Path CHROMEDRIVER = Path.of(System.getProperty("eschool.chromedriver", "/usr/bin/chromedriver"));
	static final Locale RU = Locale.forLanguageTag("ru");

	protected static WebDriver driver;
	private static Path profile;

	@LocalServerPort int port;
	@Autowired protected TestData data;
	@Autowired MessageSource messages;

	@BeforeAll
	static void startBrowser() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			fail("Browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
					+ ": run bin/test, or apt-get install chromium chromium-driver "
					+ "(other paths: -Deschool.chromium=... -Deschool.chromedriver=...)");
		}
		profile = Files.createTempDirectory("eschool-chromium-");
		// a driver given by path: Selenium Manager is not consulted
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/** Every test starts signed out, in Russian. */
	@BeforeEach
	void signedOut() {
		open("/login");
		driver.manage().deleteAllCookies();
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void open(String path) {
		driver.get(url(path));
	}

	/** A text from the bundles, in Russian unless the locale says otherwise. */
	protected String text(String key, Object... args) {
		return text(RU, key, args);
	}

	protected String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, locale);
	}

	protected WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	protected void type(String css, String value) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(value);
	}

	protected void signIn(String login, String password) {
		open("/login");
		type("#username", login);
		type("#password", password);
		find("form[action='/login'] button[type=submit]").click();
		waitUntilLeft("/login");
	}

	/**
	 * Signs in with a password the login page refuses, and returns the visible message (the page
	 * also holds a hidden one for passkeys, read inside the wait).
	 */
	protected String refusedSignIn(String login, String password) {
		open("/login");
		type("#username", login);
		type("#password", password);
		find("form[action='/login'] button[type=submit]").click();
		return new WebDriverWait(driver, Duration.ofSeconds(20))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElements(By.cssSelector(".alert.err:not([hidden])")).stream().findFirst().map(e -> e.getText())
				.orElse(null));
	}

	/**
	 * Waits until the browser has left the page (or it shows a visible error: the login page holds
	 * a hidden one for passkeys, which made this return at once) and the next page has finished
	 * loading, so that the test's next address is not overtaken by the redirect's page.
	 */
	protected void waitUntilLeft(String path) {
		new WebDriverWait(driver, Duration.ofSeconds(20))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> (!d.getCurrentUrl().startsWith(url(path)) || !d.findElements(By.cssSelector(".alert.err:not([hidden])")).isEmpty())
					&& "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/** Waits until the page's main heading has this text. */
	protected void waitForHeading(String heading) {
		patiently().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), heading));
	}

	/** Waits until the element has the text somewhere in it. */
	protected void waitForText(String css, String text) {
		patiently().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	/**
	 * A 20-second wait that reads again when the page changed under it: besides a stale element,
	 * Chromium answers "node does not belong to the document" when a redirect or an htmx swap
	 * replaces it between finding and reading (a plain WebDriverException). A real failure still
	 * ends in a timeout that names the last of these.
	 */
	private WebDriverWait patiently() {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		wait.ignoring(org.openqa.selenium.WebDriverException.class);
		return wait;
	}

	protected String mainText() {
		return find("main").getText();
	}

	/** Screenshot and page source of a failed test, for the person reading the build log. */
	static class FailureSnapshots implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (driver == null) {
				return;
			}
			try {
				Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
				String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
				Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
				Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
				Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
				System.out.println("Browser test failed; screenshot in " + dir.resolve(name + ".png"));
			}
			catch (Exception e) {
				System.out.println("Could not save a screenshot of the failed browser test: " + e);
			}
		}
	}
}
