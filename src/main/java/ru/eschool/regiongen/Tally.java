package ru.eschool.regiongen;

import java.util.EnumMap;
import java.util.Map;

/** Rows per table and an order-sensitive checksum of their text: equal for equal seeds and sizes. */
public final class Tally {

	private final Map<Table, long[]> counts = new EnumMap<>(Table.class);

	synchronized void add(Table table, CharSequence line) {
		long[] c = counts.computeIfAbsent(table, t -> new long[2]);
		c[0]++;
		long h = c[1];
		for (int i = 0; i < line.length(); i++) {
			h = h * 1_000_003L + line.charAt(i);
		}
		c[1] = h;
	}

	/** Rows written to the table (by its SQL name), 0 when none. */
	public synchronized long rows(String sqlName) {
		for (var e : counts.entrySet()) {
			if (e.getKey().sqlName.equals(sqlName)) {
				return e.getValue()[0];
			}
		}
		return 0;
	}

	public synchronized long totalRows() {
		return counts.values().stream().mapToLong(c -> c[0]).sum();
	}

	/** One checksum over every table's rows. */
	public synchronized long checksum() {
		long h = 17;
		for (var e : counts.entrySet()) {
			h = h * 31 + e.getKey().ordinal();
			h = h * 31 + e.getValue()[0];
			h = h * 31 + e.getValue()[1];
		}
		return h;
	}

	@Override
	public synchronized String toString() {
		StringBuilder s = new StringBuilder();
		counts.forEach((t, c) -> s.append(String.format("  %-28s %,12d rows%n", t.sqlName, c[0])));
		return s.toString();
	}
}
