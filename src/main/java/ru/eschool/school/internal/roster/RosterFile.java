package ru.eschool.school.internal.roster;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uploaded roster file reduced to what the system may keep: for each data line, its number and
 * the values of the kind's known columns. Columns with personal data the system does not collect
 * (СНИЛС, passport, ИНН, address, birth date) and unknown columns are dropped here, before
 * anything is stored; their headers are kept only to tell the person they were ignored.
 */
public record RosterFile(RosterKind kind, String charset, String separator, List<Line> lines,
		List<String> ignoredPersonal, List<String> ignoredOther) {

	/** One data line: its number in the file and the value of each column (empty when absent). */
	public record Line(int number, Map<Column, String> values) {

		public String get(Column column) {
			return values.getOrDefault(column, "");
		}
	}

	/** Limits that keep a request and its page small; a school's roster fits well within them. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;
	public static final int MAX_LINES = 5000;

	/** Headers of personal data the system never stores (normalised, matched as prefixes). */
	private static final List<String> PERSONAL = List.of("снилс", "snils", "паспорт", "passport", "инн", "inn",
			"адрес", "address", "датарожд", "деньрожд", "годрожд", "рожден", "birth", "dob", "полис", "омс",
			"свидетельство", "гражданство", "пол", "gender", "sex");

	/** Reads an upload: decodes, finds the kind's columns by their headers, drops the rest. */
	public static RosterFile read(RosterKind kind, byte[] bytes) throws Csv.Unreadable {
		if (bytes.length > MAX_BYTES) {
			throw new Csv.Unreadable("roster.file.tooBig", MAX_BYTES / 1024 / 1024);
		}
		Csv.Table table = Csv.read(bytes, MAX_LINES);
		Map<Column, Integer> index = new EnumMap<>(Column.class);
		List<String> personal = new ArrayList<>();
		List<String> other = new ArrayList<>();
		List<String> header = table.header().cells();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i);
			String norm = Column.normalise(name);
			if (norm.isEmpty()) {
				continue;
			}
			Column column = kind.columns().stream().filter(c -> c.matches(norm)).findFirst().orElse(null);
			if (column != null) {
				if (index.containsKey(column)) {
					throw new Csv.Unreadable("roster.file.duplicateColumn", name);
				}
				index.put(column, i);
			}
			else if (PERSONAL.stream().anyMatch(p -> norm.startsWith(p) || (p.length() > 4 && norm.contains(p)))) {
				personal.add(shorten(name));
			}
			else {
				other.add(shorten(name));
			}
		}
		List<Column> missing = kind.columns().stream().filter(kind::required).filter(c -> !index.containsKey(c))
			.toList();
		if (!missing.isEmpty()) {
			throw new MissingColumns(missing);
		}
		List<Line> lines = new ArrayList<>();
		for (Csv.Row row : table.rows()) {
			Map<Column, String> values = new EnumMap<>(Column.class);
			index.forEach((column, i) -> values.put(column, row.cell(i)));
			lines.add(new Line(row.line(), values));
		}
		if (lines.isEmpty()) {
			throw new Csv.Unreadable("roster.file.noLines");
		}
		return new RosterFile(kind, charsetName(table.charset()), String.valueOf(table.separator()), List.copyOf(lines),
				List.copyOf(personal), List.copyOf(other));
	}

	/** The header row lacks required columns; {@link #columns()} names them. */
	public static final class MissingColumns extends Csv.Unreadable {

		private final List<Column> columns;

		MissingColumns(List<Column> columns) {
			super("roster.file.missingColumns");
			this.columns = columns;
		}

		public List<Column> columns() {
			return columns;
		}
	}

	/** The form kept between preview and import: UTF-8 CSV of the line number and the known columns. */
	public byte[] stored() {
		return stored(kind, lines);
	}

	public static byte[] stored(RosterKind kind, List<Line> lines) {
		List<List<String>> records = new ArrayList<>();
		List<String> head = new ArrayList<>();
		head.add("line");
		kind.columns().forEach(c -> head.add(c.key()));
		records.add(head);
		for (Line line : lines) {
			List<String> r = new ArrayList<>();
			r.add(String.valueOf(line.number()));
			kind.columns().forEach(c -> r.add(line.get(c)));
			records.add(r);
		}
		return Csv.write(records).getBytes(StandardCharsets.UTF_8);
	}

	/** Reads the stored form back. */
	public static List<Line> fromStored(RosterKind kind, byte[] stored) {
		try {
			Csv.Table table = Csv.parse(new String(stored, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
					Integer.MAX_VALUE);
			Map<String, Integer> index = new LinkedHashMap<>();
			for (int i = 0; i < table.header().cells().size(); i++) {
				index.put(table.header().cells().get(i), i);
			}
			List<Line> lines = new ArrayList<>();
			for (Csv.Row row : table.rows()) {
				Map<Column, String> values = new EnumMap<>(Column.class);
				for (Column c : kind.columns()) {
					Integer i = index.get(c.key());
					values.put(c, i == null ? "" : row.cell(i));
				}
				lines.add(new Line(Integer.parseInt(row.cell(index.get("line"))), values));
			}
			return lines;
		}
		catch (Csv.Unreadable e) {
			// Only lines the application wrote itself are stored; an empty import stores the header alone.
			return List.of();
		}
	}

	private static String shorten(String header) {
		return header.length() > 40 ? header.substring(0, 40) + "…" : header;
	}

	private static String charsetName(Charset charset) {
		return charset.equals(Csv.WINDOWS_1251) ? "Windows-1251" : charset.name().replace("_", "-");
	}
}
