package ru.eschool.regiongen;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes batches into the database, tables in the order of {@link Table} (foreign keys first), one
 * transaction per batch. On PostgreSQL it streams COPY text through the driver's CopyManager
 * (reached by reflection: the driver is a runtime dependency of the application); elsewhere
 * (H2 in the tests) it runs batched inserts.
 */
final class Writer implements AutoCloseable {

	private final Connection connection;
	private final boolean postgres;
	private @Nullable Object copyManager;
	private @Nullable Method copyIn;
	private @Nullable Method writeToCopy;
	private @Nullable Method endCopy;

	Writer(Connection connection) throws SQLException {
		this.connection = connection;
		this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		if (postgres) {
			try {
				Class<?> pgConnection = Class.forName("org.postgresql.PGConnection");
				Object pg = connection.unwrap(pgConnection);
				copyManager = pgConnection.getMethod("getCopyAPI").invoke(pg);
				copyIn = Class.forName("org.postgresql.copy.CopyManager").getMethod("copyIn", String.class);
				Class<?> copyInType = Class.forName("org.postgresql.copy.CopyIn");
				writeToCopy = copyInType.getMethod("writeToCopy", byte[].class, int.class, int.class);
				endCopy = copyInType.getMethod("endCopy");
			}
			catch (ReflectiveOperationException e) {
				throw new IllegalStateException("PostgreSQL driver without CopyManager", e);
			}
			try (var s = connection.createStatement()) {
				s.execute("set synchronous_commit = off");
				s.execute("set maintenance_work_mem = '256MB'");
				// the rows are consistent by construction: a superuser skips the foreign-key triggers
				try (var rs = s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
					if (rs.next() && rs.getBoolean(1)) {
						s.execute("set session_replication_role = replica");
					}
				}
			}
		}
		connection.setAutoCommit(false);
	}

	boolean postgres() {
		return postgres;
	}

	void write(Batch batch) throws SQLException {
		for (Table table : Table.values()) {
			StringBuilder text = batch.text(table);
			if (text == null || text.length() == 0) {
				continue;
			}
			if (postgres) {
				copy(table, text);
			}
			else {
				insert(table, batch.values(table));
			}
		}
		connection.commit();
	}

	private void copy(Table table, StringBuilder text) throws SQLException {
		try {
			Object in = copyIn.invoke(copyManager, "copy " + table.sqlName + " (" + table.columnList() + ") from stdin");
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			for (int from = 0; from < bytes.length; from += 1 << 20) {
				writeToCopy.invoke(in, bytes, from, Math.min(1 << 20, bytes.length - from));
			}
			endCopy.invoke(in);
		}
		catch (java.lang.reflect.InvocationTargetException e) {
			if (e.getCause() instanceof SQLException s) {
				throw s;
			}
			throw new IllegalStateException(e.getCause());
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private void insert(Table table, List<@Nullable Object[]> rows) throws SQLException {
		String sql = "insert into " + table.sqlName + " (" + table.columnList() + ") values ("
				+ String.join(", ", Collections.nCopies(table.columns.size(), "?")) + ")";
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			int n = 0;
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					Object v = row[i];
					if (v instanceof LocalDate d) {
						ps.setObject(i + 1, d);
					}
					else if (v instanceof LocalTime t) {
						ps.setObject(i + 1, t);
					}
					else if (v instanceof OffsetDateTime t) {
						ps.setObject(i + 1, t);
					}
					else {
						ps.setObject(i + 1, v);
					}
				}
				ps.addBatch();
				if (++n % 1000 == 0) {
					ps.executeBatch();
				}
			}
			ps.executeBatch();
		}
	}

	/** The largest id in the table, 0 when empty. */
	long maxId(Table table) throws SQLException {
		try (var s = connection.createStatement(); var rs = s.executeQuery("select coalesce(max(id), 0) from " + table.sqlName)) {
			rs.next();
			long id = rs.getLong(1);
			connection.commit();
			return id;
		}
	}

	/** Lets the database's own identity columns continue after the ids the generator gave. */
	void restartIdentity(Table table, long next) throws SQLException {
		try (var s = connection.createStatement()) {
			s.execute("alter table " + table.sqlName + " alter column id restart with " + next);
		}
		connection.commit();
	}

	@Nullable Long municipality(String name) throws SQLException {
		try (var ps = connection.prepareStatement("select id from school_municipality where name = ?")) {
			ps.setString(1, name);
			try (var rs = ps.executeQuery()) {
				Long id = rs.next() ? rs.getLong(1) : null;
				connection.commit();
				return id;
			}
		}
	}

	boolean loginExists(String login) throws SQLException {
		try (var ps = connection.prepareStatement("select count(*) from identity_account where login = ?")) {
			ps.setString(1, login);
			try (var rs = ps.executeQuery()) {
				rs.next();
				boolean exists = rs.getLong(1) > 0;
				connection.commit();
				return exists;
			}
		}
	}

	/** The big tables whose secondary indexes are rebuilt after a load into an empty database. */
	static final List<Table> BIG = List.of(Table.LESSON, Table.JOURNAL_LESSON, Table.CELL, Table.MARK, Table.MARK_HISTORY,
			Table.HOMEWORK);

	/**
	 * On PostgreSQL, when the big tables are empty: drops their indexes that back no constraint
	 * and returns their definitions, to be created again after the load (building an index once
	 * is several times cheaper than keeping it up to date row by row). Otherwise nothing.
	 */
	List<String> dropSecondaryIndexes() throws SQLException {
		List<String> definitions = new java.util.ArrayList<>();
		if (!postgres) {
			return definitions;
		}
		try (var s = connection.createStatement()) {
			try (var rs = s.executeQuery("select count(*) from (select 1 from timetable_lesson limit 1) x")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					connection.commit();
					return definitions;
				}
			}
			String tables = String.join(", ", BIG.stream().map(t -> "'" + t.sqlName + "'").toList());
			List<String> names = new java.util.ArrayList<>();
			try (var rs = s.executeQuery("select indexname, indexdef from pg_indexes i where schemaname = current_schema() "
					+ "and tablename in (" + tables + ") and not exists (select 1 from pg_constraint c where c.conname = i.indexname)")) {
				while (rs.next()) {
					names.add(rs.getString(1));
					definitions.add(rs.getString(2));
				}
			}
			for (String name : names) {
				s.execute("drop index " + name);
			}
		}
		connection.commit();
		return definitions;
	}

	void createIndexes(List<String> definitions) throws SQLException {
		try (var s = connection.createStatement()) {
			for (String definition : definitions) {
				s.execute(definition);
				connection.commit();
			}
		}
	}

	void analyze() throws SQLException {
		if (postgres) {
			connection.setAutoCommit(true);
			try (var s = connection.createStatement()) {
				s.execute("analyze");
			}
			connection.setAutoCommit(false);
		}
	}

	/** Gives the connection back as it came (it may be a pooled one): session settings reset, autocommit on. */
	void release() throws SQLException {
		connection.rollback();
		if (postgres) {
			try (var s = connection.createStatement()) {
				s.execute("reset session_replication_role");
				s.execute("reset synchronous_commit");
				s.execute("reset maintenance_work_mem");
			}
			connection.commit();
		}
		connection.setAutoCommit(true);
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}
}
