package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many requests at once, counted from what the database holds. Each guarantee has a control: the same work done by
 * a naive read-check-write path with a barrier between read and write, which breaks the guarantee on every run, so
 * that a green guard means something. The naive paths exist only here.
 */
@SpringBootTest
class BookingConcurrencyTest {

	static final int THREADS = 32;

	/** The control's barrier: every party holds a pooled connection while it waits (the test pool has 20). */
	static final int CONTROL_PARTIES = 10;

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PersonKeys keys;

	@Autowired
	PlatformTransactionManager transactionManager;

	AgendaFixtures fixtures;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		fixtures = new AgendaFixtures(context);
		pool = Executors.newFixedThreadPool(THREADS);
	}

	@AfterEach
	void tearDown() {
		pool.shutdownNow();
	}

	@Test
	void aThousandSimultaneousAttemptsAtASlotOfFiveMakeExactlyFiveBookings() throws Exception {
		Agenda agenda = fixtures.newQuestura("genova");
		long slot = fixtures.slot(agenda, 5);

		Map<String, Integer> outcomes = fireAtOnce(1000,
				i -> () -> outcome(agenda, () -> bookings.book(aCitizenBooking(agenda, slot).build())));

		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(5);
		assertThat(fixtures.booked(agenda, slot)).isEqualTo(5);
		assertThat(outcomes.get("BOOKED")).isEqualTo(5);
		assertThat(outcomes.get("SLOT_FULL") + outcomes.getOrDefault("TRY_AGAIN", 0)).isEqualTo(995);
	}

	@Test
	void controlReadCheckWriteWithoutTheGuardOversells() throws Exception {
		Agenda agenda = fixtures.newQuestura("genova");
		long slot = fixtures.slot(agenda, 5);
		CyclicBarrier barrier = new CyclicBarrier(CONTROL_PARTIES);

		fireAtOnce(CONTROL_PARTIES, i -> () -> inTransaction(() -> {
			int booked = jdbc.queryForObject(sql(agenda, "select booked from {t}.slot where id = ?"), Integer.class, slot);
			int capacity = jdbc.queryForObject(sql(agenda, "select capacity from {t}.slot where id = ?"), Integer.class, slot);
			await(barrier);
			if (booked < capacity) {
				insertBookingRow(agenda, slot, "CTRL" + String.format("%06d", i));
				jdbc.update(sql(agenda, "update {t}.slot set booked = ? where id = ?"), booked + 1, slot);
			}
			return "DONE";
		}));

		assertThat(fixtures.activeBookings(agenda, slot)).as("booking rows in a slot of capacity 5").isGreaterThan(5);
	}

	@Test
	void onePersonTryingFiftySlotsInTwoQuestureAtOnceGetsExactlyOneBooking() throws Exception {
		Agenda genova = fixtures.newQuestura("genova");
		Agenda bergamo = fixtures.newQuestura("bergamo");
		List<Long> genovaSlots = fixtures.slots(genova, 25, 5);
		List<Long> bergamoSlots = fixtures.slots(bergamo, 25, 5);
		PersonDetails person = People.anyone();

		Map<String, Integer> outcomes = fireAtOnce(50, i -> {
			Agenda agenda = i % 2 == 0 ? genova : bergamo;
			long slot = (i % 2 == 0 ? genovaSlots : bergamoSlots).get(i / 2);
			return () -> outcome(agenda, () -> bookings.book(aCitizenBooking(agenda, slot).forPerson(person).build()));
		});

		assertThat(outcomes.get("BOOKED")).isEqualTo(1);
		assertThat(activeBookingsOf(person, genova) + activeBookingsOf(person, bergamo)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from platform.person_claim where person_key = ?", Integer.class,
				keys.of(person.identity()).value())).isEqualTo(1);
	}

	@Test
	void controlCheckThenInsertWithoutTheClaimBooksOnePersonManyTimes() throws Exception {
		Agenda agenda = fixtures.newQuestura("genova");
		List<Long> slots = fixtures.slots(agenda, CONTROL_PARTIES, 5);
		PersonDetails person = People.anyone();
		String key = keys.of(person.identity()).value();
		CyclicBarrier barrier = new CyclicBarrier(CONTROL_PARTIES);

		fireAtOnce(CONTROL_PARTIES, i -> () -> inTransaction(() -> {
			boolean hasOne = jdbc.queryForObject(sql(agenda, "select exists (select 1 from {t}.booking_person p join"
					+ " {t}.booking b on b.id = p.booking_id where p.person_key = ? and b.status = 'BOOKED')"),
					Boolean.class, key);
			await(barrier);
			if (!hasOne) {
				long id = insertBookingRow(agenda, slots.get(i), "CTRP" + String.format("%06d", i));
				jdbc.update(sql(agenda, "insert into {t}.booking_person (booking_id, position, person_key, full_name)"
						+ " values (?, 0, ?, 'x')"), id, key);
			}
			return "DONE";
		}));

		assertThat(activeBookingsOf(person, agenda)).as("active bookings of one person").isGreaterThan(1);
	}

	@Test
	void movesUnderContentionNeverLoseOrDoubleAPlace() throws Exception {
		Agenda agenda = fixtures.newQuestura("genova");
		List<Long> slots = fixtures.slots(agenda, 3, 3);
		List<BookingReference> booked = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long slot = slots.get(i % 3);
			booked.add(((Booked) TenantContext.callAs(agenda.tenant(),
					() -> bookings.book(aCitizenBooking(agenda, slot).build()))).reference());
		}

		Map<String, Integer> outcomes = fireAtOnce(300, i -> () -> outcome(agenda, () -> {
			bookings.move(booked.get(i % 6), slots.get((i * 7 + i / 6) % 3), Channel.CITIZEN, "account", null);
			return null;
		}));

		assertThat(outcomes.getOrDefault("MOVED", 0)).isPositive();
		int active = 0;
		for (long slot : slots) {
			assertThat(fixtures.booked(agenda, slot)).as("counter of slot %d", slot)
				.isEqualTo(fixtures.activeBookings(agenda, slot))
				.isLessThanOrEqualTo(3);
			active += fixtures.activeBookings(agenda, slot);
		}
		assertThat(active).isEqualTo(6);
	}

	@Test
	void controlMovesWithoutLocksLoseTrackOfPlaces() throws Exception {
		Agenda agenda = fixtures.newQuestura("genova");
		long from = fixtures.slot(agenda, CONTROL_PARTIES);
		long to = fixtures.slot(agenda, CONTROL_PARTIES);
		List<BookingReference> booked = new ArrayList<>();
		for (int i = 0; i < CONTROL_PARTIES; i++) {
			booked.add(((Booked) TenantContext.callAs(agenda.tenant(),
					() -> bookings.book(aCitizenBooking(agenda, from).build()))).reference());
		}
		CyclicBarrier barrier = new CyclicBarrier(CONTROL_PARTIES);

		fireAtOnce(CONTROL_PARTIES, i -> () -> inTransaction(() -> {
			int fromBooked = jdbc.queryForObject(sql(agenda, "select booked from {t}.slot where id = ?"), Integer.class, from);
			int toBooked = jdbc.queryForObject(sql(agenda, "select booked from {t}.slot where id = ?"), Integer.class, to);
			await(barrier);
			jdbc.update(sql(agenda, "update {t}.booking set slot_id = ? where reference = ?"), to, booked.get(i).value());
			jdbc.update(sql(agenda, "update {t}.slot set booked = ? where id = ?"), toBooked + 1, to);
			jdbc.update(sql(agenda, "update {t}.slot set booked = ? where id = ?"), fromBooked - 1, from);
			return "DONE";
		}));

		assertThat(fixtures.booked(agenda, to)).as("counter against the bookings it holds")
			.isNotEqualTo(fixtures.activeBookings(agenda, to));
	}

	private Map<String, Integer> fireAtOnce(int attempts, Function<Integer, Callable<String>> attempt) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> futures = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			Callable<String> work = attempt.apply(i);
			futures.add(pool.submit(() -> {
				start.await();
				return work.call();
			}));
		}
		start.countDown();
		Map<String, Integer> counts = new ConcurrentHashMap<>();
		for (Future<String> future : futures) {
			counts.merge(future.get(2, TimeUnit.MINUTES), 1, Integer::sum);
		}
		return counts;
	}

	private String outcome(Agenda agenda, Callable<Object> work) {
		try {
			Object result = TenantContext.callAs(agenda.tenant(), () -> {
				try {
					return work.call();
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			return result instanceof Booked ? "BOOKED" : "MOVED";
		}
		catch (BookingRefused refused) {
			return refused.getReason().name();
		}
	}

	private String inTransaction(Callable<String> work) {
		return new TransactionTemplate(transactionManager).execute(status -> {
			try {
				return work.call();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private long insertBookingRow(Agenda agenda, long slot, String reference) {
		return jdbc.queryForObject(sql(agenda, "insert into {t}.booking (reference, slot_id, practice_id, channel, status)"
				+ " values (?, ?, ?, 'CITIZEN', 'BOOKED') returning id"), Long.class, reference, slot, agenda.application());
	}

	private int activeBookingsOf(PersonDetails person, Agenda agenda) {
		return jdbc.queryForObject(sql(agenda, "select count(*) from {t}.booking_person p join {t}.booking b"
				+ " on b.id = p.booking_id where p.person_key = ? and b.status in ('BOOKED', 'CHECKED_IN')"), Integer.class,
				keys.of(person.identity()).value());
	}

	private static String sql(Agenda agenda, String template) {
		return template.replace("{t}", agenda.tenant().schema());
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("the control's barrier broke", ex);
		}
	}
}
