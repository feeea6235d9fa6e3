package it.sportello.infra.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.BookingRequests;
import it.sportello.core.testsupport.People;
import it.sportello.core.testsupport.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The booking storm: many threads booking at once through the engine, against the same statements as plain JDBC.
 * Prints the figures of each phase, and last the summary line the issue asks for. Oversold places are counted from
 * the booking rows against capacity, never from the counter.
 */
public final class Storm {

	private static final String USER = "postgres";

	private Storm() {
	}

	public static void main(String[] args) throws Exception {
		String[] words = String.join(" ", args).strip().split("\\s+");
		int threads = words[0].isEmpty() ? 32 : Integer.parseInt(words[0]);
		// the engine runs on the application's pool (Hikari's default of 10 unless given); the ceiling on a
		// connection per thread
		int pool = words.length > 1 ? Integer.parseInt(words[1]) : 10;
		String url = TestDatabase.jdbcUrl();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
					"--spring.datasource.password=" + USER, "--spring.datasource.hikari.maximum-pool-size=" + pool,
					"--sportello.scheduling.enabled=false", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN")) {
			System.out.printf("storm: threads=%d engine_pool=%d%n", threads, pool);
			Storm.Run run = new Storm.Run(context, url, threads);
			run.warmUp();
			Phase spread = run.engine("spread", 1000, 5, 20_000);
			Phase hot = run.engine("hot", 1, 10_000, 10_000);
			Phase ceiling = run.jdbc("ceiling", 1000, 5, 20_000);
			run.jdbc("hot-ceiling", 1, 10_000, 10_000);
			System.out.printf(Locale.ROOT,
					"storm: attempts_per_s=%.0f hot_attempts_per_s=%.0f p99_ms=%.1f oversold=%d ratio_to_jdbc=%.2f%n",
					spread.perSecond(), hot.perSecond(), spread.p99Millis(), spread.oversold() + hot.oversold(),
					spread.perSecond() / ceiling.perSecond());
		}
		System.exit(0);
	}

	/** The figures of one phase. */
	record Phase(String name, int attempts, int booked, double seconds, double p50Millis, double p99Millis,
			int oversold) {

		double perSecond() {
			return attempts / seconds;
		}

		void print(int threads) {
			System.out.printf(Locale.ROOT,
					"storm: phase=%s threads=%d attempts=%d booked=%d seconds=%.2f attempts_per_s=%.0f p50_ms=%.1f"
							+ " p99_ms=%.1f oversold=%d%n",
					name, threads, attempts, booked, seconds, perSecond(), p50Millis, p99Millis, oversold);
		}
	}

	/** An attempt: true when it booked. */
	@FunctionalInterface
	interface Attempt {

		boolean run(int index) throws Exception;
	}

	private static final class Run {

		private final AgendaFixtures fixtures;

		private final BookingService bookings;

		private final PersonKeys keys;

		private final JdbcTemplate jdbc;

		private final String url;

		private final int threads;

		Run(ConfigurableApplicationContext context, String url, int threads) {
			this.fixtures = new AgendaFixtures(context);
			this.bookings = context.getBean(BookingService.class);
			this.keys = context.getBean(PersonKeys.class);
			this.jdbc = context.getBean(JdbcTemplate.class);
			this.url = url;
			this.threads = threads;
		}

		void warmUp() throws Exception {
			engine("warm-up-engine", 200, 5, 3_000);
			jdbc("warm-up-jdbc", 200, 5, 3_000);
		}

		Phase engine(String name, int slotCount, int capacity, int attempts) throws Exception {
			Agenda agenda = fixtures.newQuestura("storm");
			List<Long> slots = fixtures.slots(agenda, slotCount, capacity);
			List<BookingRequest> requests = new ArrayList<>(attempts);
			for (int i = 0; i < attempts; i++) {
				requests.add(BookingRequests.aCitizenBooking(agenda, slots.get(i % slotCount)).build());
			}
			Phase phase = measure(name, agenda, slots, attempts, i -> {
				try {
					BookingOutcome outcome = TenantContext.callAs(agenda.tenant(), () -> bookings.book(requests.get(i)));
					return outcome instanceof BookingOutcome.Booked;
				}
				catch (BookingRefused refused) {
					return false;
				}
			});
			phase.print(threads);
			return phase;
		}

		/** The engine's statements for one booking, as plain JDBC on one connection per thread. */
		Phase jdbc(String name, int slotCount, int capacity, int attempts) throws Exception {
			Agenda agenda = fixtures.newQuestura("storm-jdbc");
			List<Long> slots = fixtures.slots(agenda, slotCount, capacity);
			String[] personKeys = new String[attempts];
			long[] accounts = new long[attempts];
			for (int i = 0; i < attempts; i++) {
				personKeys[i] = keys.of(People.passport()).value();
				accounts[i] = People.newAccount();
			}
			String t = agenda.tenant().schema();
			String slug = agenda.tenant().id().slug();
			ThreadLocal<Statements> statements = ThreadLocal.withInitial(() -> new Statements(url, t));
			List<Statements> opened = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger references = new AtomicInteger();
			Phase phase = measure(name, agenda, slots, attempts, i -> {
				Statements s = statements.get();
				if (!opened.contains(s)) {
					opened.add(s);
				}
				return s.book(slots.get(i % slotCount), agenda.application(), personKeys[i], accounts[i], slug,
						String.format("J%09d", references.incrementAndGet()));
			});
			for (Statements s : opened) {
				s.close();
			}
			phase.print(threads);
			return phase;
		}

		private Phase measure(String name, Agenda agenda, List<Long> slots, int attempts, Attempt attempt)
				throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			long[] latencies = new long[attempts];
			AtomicInteger next = new AtomicInteger();
			AtomicInteger booked = new AtomicInteger();
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> workers = new ArrayList<>();
			for (int w = 0; w < threads; w++) {
				workers.add(pool.submit(() -> {
					start.await();
					for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
						long began = System.nanoTime();
						if (attempt.run(i)) {
							booked.incrementAndGet();
						}
						latencies[i] = System.nanoTime() - began;
					}
					return null;
				}));
			}
			long began = System.nanoTime();
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get();
			}
			double seconds = (System.nanoTime() - began) / 1e9;
			pool.shutdown();
			Arrays.sort(latencies);
			return new Phase(name, attempts, booked.get(), seconds, latencies[attempts / 2] / 1e6,
					latencies[(int) (attempts * 0.99)] / 1e6, oversold(agenda, slots));
		}

		/** Places sold beyond capacity, from the booking rows of each slot. */
		private int oversold(Agenda agenda, List<Long> slots) {
			Integer oversold = jdbc.queryForObject("select coalesce(sum(greatest(n - capacity, 0)), 0) from (select s.id,"
					+ " s.capacity, count(b.id) as n from " + agenda.tenant().schema() + ".slot s left join "
					+ agenda.tenant().schema() + ".booking b on b.slot_id = s.id and b.status in ('BOOKED', 'CHECKED_IN')"
					+ " where s.id between ? and ? group by s.id, s.capacity) c", Integer.class, slots.get(0),
					slots.get(slots.size() - 1));
			return oversold == null ? 0 : oversold;
		}
	}

	/** One connection and the engine's call, for the plain-JDBC ceiling. */
	private static final class Statements implements AutoCloseable {

		private final Connection connection;

		private final PreparedStatement book;

		Statements(String url, String t) {
			try {
				connection = DriverManager.getConnection(url, USER, USER);
				book = connection.prepareStatement("select " + t + ".book(?, ?, ?, 'CITIZEN', ?, null, null,"
						+ " 'persona@example.it', null, 'it', ?::varchar[], ?::varchar[], ?::boolean[], null::varchar[],"
						+ " null::date[], true, ?, 'account',"
						+ " 'BookingMade', ?, '3000ms', null)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The same call the engine makes, committed on its own; a refusal is an SQLSTATE SP409. */
		boolean book(long slotId, long practiceId, String personKey, long account, String slug, String reference)
				throws SQLException {
			book.setString(1, reference);
			book.setLong(2, slotId);
			book.setLong(3, practiceId);
			book.setLong(4, account);
			book.setArray(5, connection.createArrayOf("varchar", new String[] { personKey }));
			book.setArray(6, connection.createArrayOf("varchar", new String[] { "Persona" }));
			book.setArray(7, connection.createArrayOf("bool", new Boolean[] { false }));
			book.setString(8, slug);
			book.setString(9, "{\"reference\":\"" + reference + "\"}");
			try (ResultSet rs = book.executeQuery()) {
				rs.next();
				return rs.getTimestamp(1) != null;
			}
			catch (SQLException ex) {
				if ("SP409".equals(ex.getSQLState())) {
					return false;
				}
				throw ex;
			}
		}

		private static void drain(PreparedStatement query) throws SQLException {
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					rs.getObject(1);
				}
			}
		}

		@Override
		public void close() throws SQLException {
			connection.close();
		}
	}
}
