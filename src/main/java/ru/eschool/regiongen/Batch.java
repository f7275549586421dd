package ru.eschool.regiongen;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows of one unit of work (one school), per table: as PostgreSQL COPY text and, when the
 * target is not PostgreSQL, also as values for batched inserts. Every row also feeds the
 * region's {@link Tally} (counts and checksums), which is what makes determinism checkable.
 */
final class Batch {

	private final Map<Table, StringBuilder> text = new EnumMap<>(Table.class);
	private final Map<Table, List<@Nullable Object[]>> values = new EnumMap<>(Table.class);
	private final boolean keepValues;
	private final Tally tally;
	private final StringBuilder line = new StringBuilder(256);

	Batch(boolean keepValues, Tally tally) {
		this.keepValues = keepValues;
		this.tally = tally;
	}

	void row(Table table, @Nullable Object... row) {
		if (row.length != table.columns.size()) {
			throw new IllegalArgumentException(table + ": " + row.length + " values for " + table.columns);
		}
		line.setLength(0);
		for (int i = 0; i < row.length; i++) {
			if (i > 0) {
				line.append('\t');
			}
			append(line, row[i]);
		}
		line.append('\n');
		tally.add(table, line);
		text.computeIfAbsent(table, t -> new StringBuilder(1 << 16)).append(line);
		if (keepValues) {
			values.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
		}
	}

	private static void append(StringBuilder out, @Nullable Object v) {
		if (v == null) {
			out.append("\\N");
		}
		else if (v instanceof String s) {
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '\\' -> out.append("\\\\");
					case '\t' -> out.append("\\t");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					default -> out.append(c);
				}
			}
		}
		else if (v instanceof OffsetDateTime t) {
			out.append(t.toLocalDate()).append(' ').append(t.toLocalTime()).append("+00");
		}
		else if (v instanceof LocalDate || v instanceof LocalTime || v instanceof Number || v instanceof Boolean) {
			out.append(v);
		}
		else {
			throw new IllegalArgumentException("unsupported value " + v.getClass());
		}
	}

	Iterable<Table> tables() {
		return text.keySet();
	}

	StringBuilder text(Table table) {
		return text.get(table);
	}

	List<@Nullable Object[]> values(Table table) {
		return values.getOrDefault(table, List.of());
	}
}
