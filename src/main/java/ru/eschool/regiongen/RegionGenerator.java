package ru.eschool.regiongen;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Generates a region of a chosen size into a database migrated by the application's own Flyway
 * scripts. Run it from the application's jar:
 *
 * <pre>
 * java -Xmx1g -Dloader.main=ru.eschool.regiongen.RegionGenerator \
 *   -cp target/eschool-0.1.0-SNAPSHOT.jar org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url jdbc:postgresql://127.0.0.1:5432/eschool_bench --user postgres --schools 60 --seed 1
 * </pre>
 *
 * Every person gets an account with the same password ({@code --password}, default
 * {@code bench}, hashed once): {@code student.N}, {@code guardian.N}, {@code teacher.N} and
 * {@code admin.N} (the school's director and deputies), numbered across the region from 1.
 * The same seed, size and day give the same rows.
 */
public final class RegionGenerator {

	/** The application's Flyway locations (spring.flyway.locations; a test holds them equal). */
	public static final List<String> MIGRATIONS = List.of("classpath:db/migration/school",
			"classpath:db/migration/identity", "classpath:db/migration/timetable", "classpath:db/migration/gradebook",
			"classpath:db/migration/homework", "classpath:db/migration/audit", "classpath:db/migration/messaging",
			"classpath:db/migration/diary", "classpath:db/migration/notification");

	/** Cities get town-sized schools; the rural districts small ones. Weights are shares of the schools. */
	static final String[] MUNICIPALITIES = { "Владивосток", "Уссурийск", "Находка", "Артём", "Арсеньев",
			"Спасск-Дальний", "Дальнегорск", "Партизанск", "Лесозаводск", "Большой Камень", "Надеждинский округ",
			"Хасанский округ", "Шкотовский округ", "Михайловский округ", "Октябрьский округ", "Пограничный округ",
			"Ханкайский округ", "Хорольский округ", "Черниговский округ", "Кировский округ", "Спасский округ",
			"Яковлевский округ", "Анучинский округ", "Чугуевский округ", "Ольгинский округ", "Кавалеровский округ",
			"Тернейский округ", "Красноармейский округ", "Пожарский округ", "Лазовский округ", "Партизанский округ" };
	static final int CITIES = 10;
	static final double[] CITY_WEIGHTS = { 0.45, 0.12, 0.1, 0.08, 0.05, 0.05, 0.05, 0.04, 0.03, 0.03 };
	/** The share of schools in cities. */
	static final double CITY_SHARE = 0.6;

	/**
	 * What to generate: how many schools, from which seed, the journal filled up to which day, the
	 * logins' prefix, the accounts' password, and a factor on the school sizes (1 = realistic;
	 * the smoke test uses small schools to stay fast).
	 */
	public record Options(int schools, long seed, LocalDate today, String loginPrefix, String password, double sizeScale) {

		public Options {
			if (schools < 1) {
				throw new IllegalArgumentException("--schools must be at least 1");
			}
			if (sizeScale <= 0 || sizeScale > 1) {
				throw new IllegalArgumentException("the size scale is in (0, 1]");
			}
		}

		public Options(int schools, long seed, LocalDate today, String loginPrefix, String password) {
			this(schools, seed, today, loginPrefix, password, 1.0);
		}
	}

	public record Result(Tally tally, int schools, long students, long guardians, long staff, long millis) {

		@Override
		public String toString() {
			return String.format("%d schools, %,d students, %,d guardians, %,d staff, %,d rows in %.1f s%n%s", schools,
					students, guardians, staff, tally.totalRows(), millis / 1000.0, tally);
		}
	}

	private RegionGenerator() {
	}

	/**
	 * Generates the region. With a connection it writes the rows (ids continue after the largest
	 * of each table; logins must be new); without one it only counts them (ids from 1), which is
	 * how determinism is checked cheaply.
	 */
	public static Result generate(Options o, @Nullable Connection connection) throws SQLException, InterruptedException {
		return generate(o, connection, hash(o.password(), o.seed()));
	}

	/**
	 * One bcrypt hash for every account (bcrypt is slow on purpose), salted from the seed so that
	 * the same seed gives the same rows (bench accounts only; real accounts get random salts).
	 */
	static String hash(String password, long seed) {
		try {
			SecureRandom salt = SecureRandom.getInstance("SHA1PRNG");
			salt.setSeed(seed);
			return "{bcrypt}" + new BCryptPasswordEncoder(10, salt).encode(password);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static Result generate(Options o, @Nullable Connection connection, String passwordHash)
			throws SQLException, InterruptedException {
		return generate(o, connection, null, false, passwordHash);
	}

	/**
	 * With a second connection (PostgreSQL), two writers load schools side by side: the database's
	 * side of COPY (parsing, indexes, WAL) is the bottleneck, not the planning.
	 */
	static Result generate(Options o, @Nullable Connection connection, @Nullable Connection second,
			boolean rebuildIndexes, String passwordHash) throws SQLException, InterruptedException {
		Writer writer = connection == null ? null : new Writer(connection);
		Writer other = second == null || writer == null || !writer.postgres() ? null : new Writer(second);
		try {
			return generate(o, writer, other, rebuildIndexes, passwordHash);
		}
		finally {
			if (writer != null) {
				writer.release();
			}
			if (other != null) {
				other.release();
			}
		}
	}

	private static Result generate(Options o, @Nullable Writer writer, @Nullable Writer second, boolean rebuildIndexes,
			String passwordHash) throws SQLException, InterruptedException {
		long started = System.nanoTime();
		Tally tally = new Tally();
		SchoolGen.Ids ids = new SchoolGen.Ids();
		boolean keepValues = writer != null && !writer.postgres();
		if (writer != null) {
			if (writer.loginExists(o.loginPrefix() + "student.1")) {
				throw new IllegalStateException("A region with logins " + o.loginPrefix()
						+ "student.N is there already: generate into a fresh database or give another --login-prefix");
			}
			for (Table t : Table.values()) {
				if (t.identity) {
					ids.next[t.ordinal()] = writer.maxId(t);
				}
			}
		}
		int y = o.today().getMonthValue() >= 8 ? o.today().getYear() : o.today().getYear() - 1;
		OffsetDateTime now = LocalDate.of(y, 8, 25).atTime(9, 0).atOffset(ZoneOffset.UTC);

		// municipalities (existing ones by name are reused) and where each school goes
		Batch first = new Batch(keepValues, tally);
		long[] municipalityIds = new long[MUNICIPALITIES.length];
		for (int m = 0; m < MUNICIPALITIES.length; m++) {
			Long existing = writer == null ? null : writer.municipality(MUNICIPALITIES[m]);
			if (existing != null) {
				municipalityIds[m] = existing;
			}
			else {
				municipalityIds[m] = ids.next(Table.MUNICIPALITY);
				first.row(Table.MUNICIPALITY, municipalityIds[m], MUNICIPALITIES[m]);
			}
		}
		if (writer != null) {
			writer.write(first);
		}

		SchoolGen.Logins logins = new SchoolGen.Logins();
		BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
		Batch end = new Batch(false, new Tally());
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Writer> writers = new ArrayList<>();
		List<Thread> writing = new ArrayList<>();
		List<String> indexes = List.of();
		if (writer != null) {
			if (rebuildIndexes) {
				indexes = writer.dropSecondaryIndexes();
			}
			writers.add(writer);
			if (second != null) {
				writers.add(second);
			}
			for (Writer w : writers) {
				Thread t = new Thread(() -> {
					try {
						for (Batch b = queue.take(); b != end; b = queue.take()) {
							w.write(b);
						}
					}
					catch (Throwable e) {
						failure.set(e);
						queue.clear();
					}
				}, "region-writer-" + writing.size());
				writing.add(t);
				t.start();
			}
		}
		long students = 0;
		long guardians = 0;
		long staff = 0;
		List<int[]> plan = plan(o);
		for (int s = 0; s < o.schools(); s++) {
			int m = plan.get(s)[0];
			boolean city = plan.get(s)[1] == 1;
			Batch batch = new Batch(keepValues, tally);
			SchoolGen school = new SchoolGen(new SchoolGen.Context(ids.next(Table.INSTITUTION), municipalityIds[m],
					s + 1, MUNICIPALITIES[m], city, o.sizeScale(), o.seed(), o.today(), y, o.loginPrefix(), passwordHash, now, ids,
					logins),
					batch);
			school.write();
			students += school.students;
			guardians += school.guardians;
			staff += school.staff;
			if (writer != null) {
				while (!queue.offer(batch, 1, java.util.concurrent.TimeUnit.SECONDS)) {
					if (failure.get() != null) {
						break;
					}
				}
				if (failure.get() != null) {
					break;
				}
			}
		}
		if (writer != null) {
			for (Thread t : writing) {
				while (failure.get() == null && t.isAlive() && !queue.offer(end, 1, java.util.concurrent.TimeUnit.SECONDS)) {
					// a writer is still busy
				}
			}
			for (Thread t : writing) {
				t.join();
			}
			// even after a failure: the indexes come back and the id counters move past every id handed
			// out, so that the rows already written never collide with the application's own inserts
			long indexing = System.nanoTime();
			writer.createIndexes(indexes);
			if (!indexes.isEmpty()) {
				System.out.printf("Rebuilt %d indexes in %.1f s%n", indexes.size(), (System.nanoTime() - indexing) / 1e9);
			}
			for (Table t : Table.values()) {
				if (t.identity) {
					writer.restartIdentity(t, ids.next[t.ordinal()] + 1);
				}
			}
			if (failure.get() != null) {
				throw new IllegalStateException("Writing the region failed", failure.get());
			}
			writer.analyze();
		}
		return new Result(tally, o.schools(), students, guardians, staff, (System.nanoTime() - started) / 1_000_000);
	}

	/** Per school: its municipality, 1 for a city school, and its number of students. */
	public static List<int[]> plan(Options o) {
		Random random = new Random(SchoolGen.mix(o.seed()));
		List<int[]> plan = new ArrayList<>();
		for (int s = 0; s < o.schools(); s++) {
			boolean city = random.nextDouble() < CITY_SHARE;
			int m = city ? pick(random, CITY_WEIGHTS) : CITIES + random.nextInt(MUNICIPALITIES.length - CITIES);
			plan.add(new int[] { m, city ? 1 : 0, SchoolGen.plannedSize(o.seed(), s + 1, city, o.sizeScale()) });
		}
		return plan;
	}

	private static int pick(Random random, double[] weights) {
		double r = random.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** Runs the application's migrations on the database (as the application would at start). */
	public static void migrate(String url, String user, String password) {
		Flyway.configure().dataSource(url, user, password).locations(MIGRATIONS.toArray(String[]::new)).load().migrate();
	}

	public static void main(String[] args) throws Exception {
		String url = null;
		String user = "postgres";
		String password = "";
		int schools = 60;
		long seed = 1;
		LocalDate today = LocalDate.now(SchoolGen.ZONE);
		String prefix = "";
		String accountPassword = "bench";
		List<String> rest = new ArrayList<>(List.of(args));
		while (!rest.isEmpty()) {
			String name = rest.remove(0);
			if (name.equals("--help") || rest.isEmpty()) {
				usage();
				return;
			}
			String value = rest.remove(0);
			switch (name) {
				case "--url" -> url = value;
				case "--user" -> user = value;
				case "--db-password" -> password = value;
				case "--schools" -> schools = Integer.parseInt(value);
				case "--seed" -> seed = Long.parseLong(value);
				case "--today" -> today = LocalDate.parse(value);
				case "--login-prefix" -> prefix = value;
				case "--password" -> accountPassword = value;
				default -> {
					usage();
					System.exit(2);
				}
			}
		}
		if (url == null) {
			usage();
			System.exit(2);
		}
		long t0 = System.nanoTime();
		migrate(url, user, password);
		System.out.printf("Migrated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
		Options options = new Options(schools, seed, today, prefix, accountPassword);
		try (Connection c = DriverManager.getConnection(url, user, password);
				Connection second = DriverManager.getConnection(url, user, password)) {
			Result r = generate(options, c, second, true, hash(accountPassword, seed));
			System.out.println("Generated " + r);
			System.out.printf("checksum %016x%n", r.tally().checksum());
		}
	}

	private static void usage() {
		System.out.println("""
				Generates a region into a PostgreSQL (or H2) database, after running the application's migrations.
				  --url JDBC_URL          the database (required), e.g. jdbc:postgresql://127.0.0.1:5432/eschool_bench
				  --user USER             database user (postgres)
				  --db-password PASSWORD  database password (empty)
				  --schools N             schools (60; a full region is 600)
				  --seed N                random seed (1)
				  --today YYYY-MM-DD      the journal is filled up to this day (today in Asia/Vladivostok)
				  --login-prefix P        prefix of the logins (none: student.1, guardian.1, teacher.1, admin.1)
				  --password P            every account's password (bench)""");
	}
}
