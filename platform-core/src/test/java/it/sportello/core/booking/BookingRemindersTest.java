package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.event.DomainEvents;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class BookingRemindersTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	BookingReminders reminders;

	@Autowired
	AgendaTransactions transactions;

	@Autowired
	DomainEvents events;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	@BeforeEach
	void aQuestura() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("promemoria");
	}

	@Test
	void aBookingMadeLastWeekForTomorrowIsReminded() {
		String tomorrow = bookedLastWeek(Duration.ofHours(30));

		assertThat(TenantContext.callAs(agenda.tenant(), reminders::remindDueHere)).isEqualTo(1);

		assertThat(reminderEvents(tomorrow)).isEqualTo(1);
	}

	@Test
	void bookingsFarAheadJustMadeOrCancelledAreNotReminded() {
		String inAMonth = bookedLastWeek(Duration.ofDays(30));
		String madeToday = book(Duration.ofHours(30));
		String cancelled = bookedLastWeek(Duration.ofHours(20));
		TenantContext.runAs(agenda.tenant(),
				() -> bookings.cancel(new BookingReference(cancelled), Channel.CITIZEN, "test", null));

		assertThat(TenantContext.callAs(agenda.tenant(), reminders::remindDueHere)).isZero();

		assertThat(List.of(inAMonth, madeToday, cancelled)).allSatisfy(r -> assertThat(reminderEvents(r)).isZero());
	}

	@Test
	void twoNodesLookingAtOnceRemindEachBookingOnce() throws Exception {
		List<String> due = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			due.add(bookedLastWeek(Duration.ofHours(25 + i)));
		}

		List<Integer> decided = atOnce(() -> TenantContext.callAs(agenda.tenant(), reminders::remindDueHere));

		assertThat(decided.get(0) + decided.get(1)).isEqualTo(20);
		assertThat(due).allSatisfy(reference -> assertThat(reminderEvents(reference)).isEqualTo(1));
		assertThat(TenantContext.callAs(agenda.tenant(), reminders::remindDueHere)).isZero();
	}

	/** The control: read the due bookings, then write their reminders, as two steps; both nodes remind every one. */
	@Test
	void controlReadingThenWritingWithoutTheConditionalUpdateRemindsTwice() throws Exception {
		List<String> due = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			due.add(bookedLastWeek(Duration.ofHours(25 + i)));
		}
		CyclicBarrier bothHaveRead = new CyclicBarrier(2);

		atOnce(() -> TenantContext.callAs(agenda.tenant(), () -> transactions.execute(() -> {
			List<String> read = jdbc.queryForList("select b.reference from " + agenda.tenant().schema()
					+ ".booking b where b.status = 'BOOKED' and b.reminded_at is null", String.class);
			await(bothHaveRead);
			read.forEach(reference -> {
				jdbc.update("update " + agenda.tenant().schema() + ".booking set reminded_at = now() where reference = ?",
						reference);
				events.append(new BookingReminderDue(agenda.tenant().id(), reference));
			});
			return read.size();
		})));

		assertThat(due).allSatisfy(reference -> assertThat(reminderEvents(reference)).isEqualTo(2));
	}

	private String bookedLastWeek(Duration ahead) {
		String reference = book(ahead);
		jdbc.update("update " + agenda.tenant().schema() + ".booking set created_at = now() - interval '7 days'"
				+ " where reference = ?", reference);
		return reference;
	}

	private String book(Duration ahead) {
		long slot = fixtures.slotAt(agenda, Instant.now().plus(ahead), 1);
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings
			.book(aCitizenBooking(agenda, slot).forPerson(People.anyone()).byAccount(People.newAccount()).build())))
			.reference()
			.value();
	}

	private int reminderEvents(String reference) {
		return jdbc.queryForObject("select count(*) from platform.domain_event where type = ? and payload like ?",
				Integer.class, BookingReminderDue.class.getName(), "%\"" + reference + "\"%");
	}

	private static <T> List<T> atOnce(Supplier<T> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				futures.add(pool.submit(() -> {
					await(start);
					return work.get();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
