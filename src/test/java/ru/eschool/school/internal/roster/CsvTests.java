package ru.eschool.school.internal.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTests {

	static final Charset CP1251 = Charset.forName("windows-1251");

	@Test
	void readsSemicolonSeparatedExcelFileInWindows1251() throws Exception {
		byte[] bytes = "Фамилия;Имя;Класс\r\nИванова;Мария;5А\r\n".getBytes(CP1251);
		Csv.Table t = Csv.read(bytes, 10);
		assertThat(t.charset()).isEqualTo(CP1251);
		assertThat(t.separator()).isEqualTo(';');
		assertThat(t.header().cells()).containsExactly("Фамилия", "Имя", "Класс");
		assertThat(t.rows()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(2);
			assertThat(r.cells()).containsExactly("Иванова", "Мария", "5А");
		});
	}

	@Test
	void readsUtf8WithAndWithoutByteOrderMark() throws Exception {
		byte[] plain = "Фамилия,Имя\nПётр,Ёлкин\n".getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[plain.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(plain, 0, bom, 3, plain.length);
		for (byte[] bytes : List.of(plain, bom)) {
			Csv.Table t = Csv.read(bytes, 10);
			assertThat(t.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(t.separator()).isEqualTo(',');
			assertThat(t.header().cells()).containsExactly("Фамилия", "Имя");
			assertThat(t.rows().get(0).cells()).containsExactly("Пётр", "Ёлкин");
		}
	}

	@Test
	void readsUtf16WithByteOrderMarkAndTabs() throws Exception {
		byte[] bytes = "\uFEFFФамилия\tИмя\r\nКим\tАлина\r\n".getBytes(StandardCharsets.UTF_16LE);
		Csv.Table t = Csv.read(bytes, 10);
		assertThat(t.separator()).isEqualTo('\t');
		assertThat(t.rows().get(0).cells()).containsExactly("Ким", "Алина");
	}

	@Test
	void quotedFieldsHoldSeparatorsDoubledQuotesAndLineBreaks() throws Exception {
		String text = "a,b,c\r\n\"Иванов, Пётр\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nx,y,z\r\n";
		Csv.Table t = Csv.parse(text, StandardCharsets.UTF_8, 10);
		assertThat(t.rows()).hasSize(2);
		assertThat(t.rows().get(0).cells()).containsExactly("Иванов, Пётр", "say \"hi\"", "two\r\nlines");
		assertThat(t.rows().get(0).line()).isEqualTo(2);
		// the record after the quoted line break starts on line 4 of the file
		assertThat(t.rows().get(1).line()).isEqualTo(4);
		assertThat(t.rows().get(1).cells()).containsExactly("x", "y", "z");
	}

	@Test
	void separatorIsTakenFromTheHeaderOutsideQuotes() {
		assertThat(Csv.separatorOf("\"a,b,c\";d;e\n1,2,3,4,5")).isEqualTo(';');
		assertThat(Csv.separatorOf("a,b;c,d\n")).isEqualTo(',');
		assertThat(Csv.separatorOf("\n\na;b\n")).isEqualTo(';');
		assertThat(Csv.separatorOf("single\n")).isEqualTo(';');
	}

	@Test
	void blankLinesAndEmptyExcelRowsAreSkippedButLineNumbersKept() throws Exception {
		Csv.Table t = Csv.parse("a;b\n\n;;\n  \n1;2\r\n", StandardCharsets.UTF_8, 10);
		assertThat(t.rows()).singleElement().satisfies(r -> {
			assertThat(r.line()).isEqualTo(5);
			assertThat(r.cells()).containsExactly("1", "2");
		});
	}

	@Test
	void shortRowsReadAsEmptyCellsAndValuesAreTrimmed() throws Exception {
		Csv.Table t = Csv.parse("a;b;c\n  x ;\" y \"\n", StandardCharsets.UTF_8, 10);
		Csv.Row row = t.rows().get(0);
		assertThat(row.cell(0)).isEqualTo("x");
		assertThat(row.cell(1)).isEqualTo("y");
		assertThat(row.cell(2)).isEmpty();
	}

	@Test
	void anUnclosedQuoteNamesTheLineItStartsOn() {
		assertThatThrownBy(() -> Csv.parse("a;b\n1;2\n3;\"open\n4;5\n", StandardCharsets.UTF_8, 10))
			.isInstanceOfSatisfying(Csv.Unreadable.class, e -> {
				assertThat(e.key()).isEqualTo("roster.file.unclosedQuote");
				assertThat(e.args()).containsExactly(3);
			});
	}

	@Test
	void tooManyLinesAndEmptyFilesAreRefused() {
		assertThatThrownBy(() -> Csv.parse("a\n1\n2\n3\n", StandardCharsets.UTF_8, 2))
			.isInstanceOfSatisfying(Csv.Unreadable.class, e -> assertThat(e.key()).isEqualTo("roster.file.tooManyLines"));
		assertThatThrownBy(() -> Csv.read(new byte[0], 2))
			.isInstanceOfSatisfying(Csv.Unreadable.class, e -> assertThat(e.key()).isEqualTo("roster.file.empty"));
		assertThatThrownBy(() -> Csv.parse("\r\n \r\n", StandardCharsets.UTF_8, 2))
			.isInstanceOfSatisfying(Csv.Unreadable.class, e -> assertThat(e.key()).isEqualTo("roster.file.empty"));
	}

	@Test
	void writtenCsvReadsBackTheSame() throws Exception {
		List<List<String>> records = List.of(List.of("line", "last"), List.of("7", "О'Нил, \"Джон\""),
				List.of("9", "a;b\nc"));
		Csv.Table t = Csv.parse(Csv.write(records), StandardCharsets.UTF_8, 10);
		assertThat(t.header().cells()).containsExactly("line", "last");
		assertThat(t.rows().get(0).cells()).containsExactly("7", "О'Нил, \"Джон\"");
		assertThat(t.rows().get(1).cells()).containsExactly("9", "a;b\nc");
	}
}
