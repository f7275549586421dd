package ru.eschool.school.internal.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The import report is built in Java from message keys (templates render them with arguments), so
 * I18nTests cannot see them: every key the code names must be in both languages.
 */
class RosterMessagesTests {

	static final Pattern KEY = Pattern.compile("\"(roster\\.[A-Za-z0-9_.]+)\"");

	@Test
	void everyKeyTheImportNamesExistsInRussianAndEnglish() throws IOException {
		List<String> keys = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/ru/eschool/school"))) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = KEY.matcher(Files.readString(p));
				while (m.find()) {
					if (!m.group(1).endsWith(".")) { // a prefix, completed by an enum below
						keys.add(m.group(1));
					}
				}
			}
		}
		for (RosterKind kind : RosterKind.values()) {
			keys.add(kind.labelKey());
			keys.add(kind.labelKey() + ".text");
			kind.columns().forEach(c -> {
				keys.add(c.labelKey());
				keys.add(c.hintKey());
			});
		}
		assertThat(keys).contains("roster.err.childUnknown", "roster.warn.repeats", "roster.file.noYear");
		for (String bundle : List.of("roster.properties", "roster_en.properties")) {
			Properties p = new Properties();
			try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/i18n", bundle)),
					StandardCharsets.UTF_8)) {
				p.load(in);
			}
			assertThat(keys).as("keys missing from " + bundle).allMatch(p::containsKey);
		}
	}
}
