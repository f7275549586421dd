package ru.eschool.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from the bundles: no template holds hard-coded words, every key
 * a template names exists in Russian and English, and the two languages have the same keys.
 */
class I18nTests {

	static final Path TEMPLATES = Path.of("src/main/jte");
	static final Path BUNDLES = Path.of("src/main/resources/i18n");
	static final Pattern KEY = Pattern.compile("\\bt\\(\"([A-Za-z0-9_.-]+)\"\\s*[,)]");
	static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
	static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label", "data-confirm");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path ru : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
				Path en = ru.resolveSibling(ru.getFileName().toString().replace(".properties", "_en.properties"));
				assertThat(en).as("English bundle of " + ru.getFileName()).exists();
				Properties r = load(ru);
				Properties e = load(en);
				assertThat(e.stringPropertyNames()).as("keys of " + en.getFileName())
					.containsExactlyInAnyOrderElementsOf(r.stringPropertyNames());
				r.forEach((k, v) -> assertThat(v.toString()).as(ru.getFileName() + ": " + k).isNotBlank());
				e.forEach((k, v) -> assertThat(v.toString()).as(en.getFileName() + ": " + k).isNotBlank());
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties all = new Properties();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path p : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
				all.putAll(load(p));
			}
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = KEY.matcher(Files.readString(template));
			while (m.find()) {
				if (!all.containsKey(m.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
				}
			}
		}
		assertThat(missing).as("keys named in templates but missing from the bundles").isEmpty();
	}

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String html = markupOnly(Files.readString(template));
			Document doc = Jsoup.parse(html);
			for (Element el : doc.getAllElements()) {
				for (TextNode text : el.textNodes()) {
					if (WORD.matcher(text.text()).find() && !el.tagName().equals("code")) {
						found.add(TEMPLATES.relativize(template) + ": \"" + text.text().strip() + "\"");
					}
				}
				el.attributes().forEach(a -> {
					if (TEXT_ATTRIBUTES.contains(a.getKey()) && WORD.matcher(a.getValue()).find()) {
						found.add(TEMPLATES.relativize(template) + ": " + a.getKey() + "=\"" + a.getValue() + "\"");
					}
				});
			}
		}
		assertThat(found).as("hard-coded text in templates: put it in the bundles").isEmpty();
	}

	@Test
	void theCheckFindsHardCodedText() {
		String html = markupOnly("""
				@param String x
				@template.layout.page(title = t("a"), content = @`<p>Привет ${x}</p>@if(x.equals("y"))<b title="Hi">${t("b")}</b>@endif`)
				""");
		Document doc = Jsoup.parse(html);
		assertThat(doc.select("p").text()).isEqualTo("Привет");
		assertThat(doc.select("b").attr("title")).isEqualTo("Hi");
		assertThat(doc.select("b").text()).isEmpty();
	}

	/** The template with jte code removed: what remains is the markup and any literal text. */
	static String markupOnly(String src) {
		StringBuilder out = new StringBuilder();
		html(src, 0, out, false);
		return out.toString();
	}

	/** Copies markup from i, dropping jte code; stops at a closing backtick when nested. Returns the end. */
	private static int html(String s, int i, StringBuilder out, boolean nested) {
		while (i < s.length()) {
			char c = s.charAt(i);
			if (nested && c == '`') {
				return i + 1;
			}
			if (s.startsWith("<%--", i)) {
				int end = s.indexOf("--%>", i);
				i = end < 0 ? s.length() : end + 4;
			}
			else if ((c == '$' || c == '!') && s.startsWith("{", i + 1)) {
				i = code(s, i + 2, '{', '}', out);
			}
			else if (s.startsWith("$unsafe{", i)) {
				i = code(s, i + 8, '{', '}', out);
			}
			else if (c == '@' && (s.startsWith("@import", i) || s.startsWith("@param", i))) {
				int end = s.indexOf('\n', i);
				i = end < 0 ? s.length() : end + 1;
			}
			else if (c == '@' && (s.startsWith("@if(", i) || s.startsWith("@elseif(", i) || s.startsWith("@for(", i)
					|| s.startsWith("@template.", i))) {
				i = code(s, s.indexOf('(', i) + 1, '(', ')', out);
			}
			else if (c == '@' && (s.startsWith("@endif", i) || s.startsWith("@endfor", i))) {
				i += s.startsWith("@endif", i) ? 6 : 7;
			}
			else if (c == '@' && s.startsWith("@else", i)) {
				i += 5;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return i;
	}

	/** Skips Java code up to the closing bracket, but keeps markup of nested @`...` blocks. */
	private static int code(String s, int i, char open, char close, StringBuilder out) {
		int depth = 1;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '"') {
				i++;
				while (i < s.length() && s.charAt(i) != '"') {
					i += s.charAt(i) == '\\' ? 2 : 1;
				}
				i++;
				continue;
			}
			if (c == '@' && i + 1 < s.length() && s.charAt(i + 1) == '`') {
				out.append(' ');
				i = html(s, i + 2, out, true);
				out.append(' ');
				continue;
			}
			if (c == open) {
				depth++;
			}
			else if (c == close && --depth == 0) {
				return i + 1;
			}
			i++;
		}
		return i;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
		}
	}

	private static Properties load(Path p) throws IOException {
		Properties props = new Properties();
		try (InputStream in = Files.newInputStream(p)) {
			props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return props;
	}

	static Set<String> keys(Properties p) {
		return new TreeSet<>(p.stringPropertyNames());
	}
}
