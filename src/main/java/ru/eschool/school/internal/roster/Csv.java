package ru.eschool.school.internal.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file as people save it from a spreadsheet (RFC 4180 and what Excel does in a
 * Russian locale): the encoding is UTF-8 (with or without a byte-order mark), UTF-16 with a mark
 * (Excel's "Unicode text"), otherwise Windows-1251; the separator is the one of {@code ; , tab}
 * that the header line uses most (outside quotes); fields may be quoted, with {@code ""} for a
 * quote and line breaks inside; blank lines (also {@code ;;;} rows) are skipped. Each record keeps
 * the number of the line it starts on, so that reports name the line the person sees in an editor.
 */
public final class Csv {

	/** A record: the line it starts on (1-based) and its cells, trimmed. */
	public record Row(int line, List<String> cells) {

		public String cell(int index) {
			return index < cells.size() ? cells.get(index) : "";
		}
	}

	/** The header (first non-blank record) and the data records after it. */
	public record Table(Charset charset, char separator, Row header, List<Row> rows) {
	}

	/** A file that cannot be read at all; the key and arguments name the reason. */
	public static class Unreadable extends Exception {

		private final String key;
		private final Object[] args;

		public Unreadable(String key, Object... args) {
			super(key, null, false, false);
			this.key = key;
			this.args = args;
		}

		public String key() {
			return key;
		}

		public Object[] args() {
			return args;
		}
	}

	static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	private Csv() {
	}

	/** Decodes and parses; at most {@code maxRows} data records. */
	public static Table read(byte[] bytes, int maxRows) throws Unreadable {
		Charset charset = charsetOf(bytes);
		String text = decode(bytes, charset);
		return parse(text, charset, maxRows);
	}

	static Charset charsetOf(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException e) {
			// Not UTF-8: Excel in a Russian Windows saves "CSV (разделители — точка с запятой)" in 1251.
			return WINDOWS_1251;
		}
	}

	static String decode(byte[] b, Charset charset) {
		String text = new String(b, charset);
		return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
	}

	/** Parses decoded text. */
	static Table parse(String text, Charset charset, int maxRows) throws Unreadable {
		char separator = separatorOf(text);
		List<Row> records = new ArrayList<>();
		int i = 0;
		int line = 1;
		int n = text.length();
		while (i < n) {
			int start = line;
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			boolean endOfRecord = false;
			while (i < n && !endOfRecord) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"') {
						if (i + 1 < n && text.charAt(i + 1) == '"') {
							cell.append('"');
							i += 2;
							continue;
						}
						quoted = false;
					}
					else {
						if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
							line++;
						}
						cell.append(c);
					}
					i++;
				}
				else if (c == '"' && cell.toString().isBlank()) {
					// An opening quote (spaces before it are dropped, as spreadsheets do).
					cell.setLength(0);
					quoted = true;
					i++;
				}
				else if (c == separator) {
					cells.add(cell.toString().strip());
					cell.setLength(0);
					i++;
				}
				else if (c == '\r' || c == '\n') {
					i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
					line++;
					endOfRecord = true;
				}
				else {
					// Text after a closing quote or a quote inside an unquoted field is kept as typed.
					cell.append(c);
					i++;
				}
			}
			if (quoted) {
				throw new Unreadable("roster.file.unclosedQuote", start);
			}
			cells.add(cell.toString().strip());
			if (cells.stream().allMatch(String::isEmpty)) {
				continue;
			}
			if (records.size() > maxRows) {
				throw new Unreadable("roster.file.tooManyLines", maxRows);
			}
			records.add(new Row(start, List.copyOf(cells)));
		}
		if (records.isEmpty()) {
			throw new Unreadable("roster.file.empty");
		}
		return new Table(charset, separator, records.get(0), List.copyOf(records.subList(1, records.size())));
	}

	/** The separator the first line uses most, outside quotes; {@code ;} when there is a tie. */
	static char separatorOf(String text) {
		int semicolons = 0;
		int commas = 0;
		int tabs = 0;
		boolean quoted = false;
		boolean seen = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				if (seen) {
					break;
				}
			}
			else if (!quoted) {
				seen |= !Character.isWhitespace(c);
				if (c == ';') {
					semicolons++;
				}
				else if (c == ',') {
					commas++;
				}
				else if (c == '\t') {
					tabs++;
				}
			}
		}
		if (tabs > semicolons && tabs > commas) {
			return '\t';
		}
		return commas > semicolons ? ',' : ';';
	}

	/** Writes records as RFC 4180 CSV with {@code ,} and CRLF, quoting where needed. */
	public static String write(List<List<String>> records) {
		StringBuilder out = new StringBuilder();
		for (List<String> record : records) {
			for (int c = 0; c < record.size(); c++) {
				if (c > 0) {
					out.append(',');
				}
				String v = record.get(c) == null ? "" : record.get(c);
				if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
						|| v.indexOf(';') >= 0) {
					out.append('"').append(v.replace("\"", "\"\"")).append('"');
				}
				else {
					out.append(v);
				}
			}
			out.append("\r\n");
		}
		return out.toString();
	}
}
