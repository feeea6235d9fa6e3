package it.sportello.core.association;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
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
class AssociationQuotaTest {

	static final int ATTEMPTS = 40;

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	@BeforeEach
	void aQuestura() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("quota");
	}

	@Test
	void manyBookingsAtOnceNeverExceedTheQuota() throws Exception {
		long association = fixtures.association(5);
		List<Long> slots = fixtures.slots(agenda, 4, 20);

		AtomicInteger booked = new AtomicInteger();
		AtomicInteger overQuota = new AtomicInteger();
		atOnce(ATTEMPTS, i -> {
			try {
				book(association, slots.get(i % slots.size()));
				booked.incrementAndGet();
			}
			catch (BookingRefused refused) {
				if (refused.getReason() == Reason.QUOTA_EXCEEDED) {
					overQuota.incrementAndGet();
				}
			}
		});

		assertThat(booked.get()).isEqualTo(5);
		assertThat(overQuota.get()).isEqualTo(ATTEMPTS - 5);
		assertThat(activeBookingsOf(association)).isEqualTo(5);
		assertThat(fixtures.associationBookings(association)).isEqualTo(5);
	}

	/** The control: read the count, then write, with a barrier between; every reader sees room and all of them book. */
	@Test
	void controlReadingTheCountThenWritingOversellsTheQuota() throws Exception {
		long association = fixtures.association(5);

		atOnce(ATTEMPTS, i -> {
			int held = jdbc.queryForObject("select active_bookings from platform.association where id = ?", Integer.class,
					association);
			int quota = jdbc.queryForObject("select quota from platform.association where id = ?", Integer.class,
					association);
			await(barrier);
			if (held < quota) {
				jdbc.update("update platform.association set active_bookings = active_bookings + 1 where id = ?",
						association);
			}
		});

		assertThat(fixtures.associationBookings(association)).isGreaterThan(5);
	}

	@Test
	void aCancelledOrEndedBookingGivesItsPlaceBack() {
		long association = fixtures.association(1);
		BookingReference first = book(association, fixtures.slot(agenda, 3));
		assertRefused(Reason.QUOTA_EXCEEDED, () -> book(association, fixtures.slot(agenda, 3)));

		TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(first, Channel.ASSOCIATION, "test", null));

		book(association, fixtures.slot(agenda, 3));
		assertThat(fixtures.associationBookings(association)).isEqualTo(1);
	}

	@Test
	void pastDueBooksDuringTheGracePeriodOnlyAndNoStateCancelsABooking() {
		long association = fixtures.association(10);
		BookingReference kept = book(association, fixtures.slot(agenda, 3));

		entitlement(association, "PAST_DUE", "now() + interval '3 days'");
		book(association, fixtures.slot(agenda, 3));
		entitlement(association, "PAST_DUE", "now() - interval '1 minute'");
		assertRefused(Reason.NOT_ENTITLED, () -> book(association, fixtures.slot(agenda, 3)));
		entitlement(association, "CANCELED", "null");
		assertRefused(Reason.NOT_ENTITLED, () -> book(association, fixtures.slot(agenda, 3)));

		assertThat(jdbc.queryForObject("select status from " + agenda.tenant().schema() + ".booking where reference = ?",
				String.class, kept.value())).isEqualTo("BOOKED");
	}

	@Test
	void aQuesturaThatLimitsAssociationsLetsOnlyThoseItChose() {
		long chosen = fixtures.association(5);
		long other = fixtures.association(5);
		jdbc.update("update " + agenda.tenant().schema() + ".office_profile set associations_restricted = true");
		jdbc.update("insert into " + agenda.tenant().schema() + ".allowed_association (association_id) values (?)", chosen);

		book(chosen, fixtures.slot(agenda, 3));
		assertRefused(Reason.ASSOCIATION_NOT_ALLOWED_HERE, () -> book(other, fixtures.slot(agenda, 3)));
		assertThat(fixtures.associationBookings(other)).isZero();
	}

	@Test
	void anAssociationNotYetAccreditedCannotBook() {
		long pending = fixtures.association(5);
		jdbc.update("update platform.association set status = 'PENDING' where id = ?", pending);

		assertRefused(Reason.ASSOCIATION_NOT_ACCREDITED, () -> book(pending, fixtures.slot(agenda, 3)));
	}

	private final CyclicBarrier barrier = new CyclicBarrier(ATTEMPTS);

	private BookingReference book(long association, long slot) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, slot)
			.forPerson(People.anyone())
			.byAssociation(association)
			.build()))).reference();
	}

	private void entitlement(long association, String state, String graceUntil) {
		jdbc.update("update platform.association set entitlement = ?, grace_until = " + graceUntil + " where id = ?", state,
				association);
	}

	private int activeBookingsOf(long association) {
		return jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".booking where association_id = ?"
				+ " and status = 'BOOKED'", Integer.class, association);
	}

	private static void assertRefused(Reason reason, Runnable work) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(BookingRefused.class,
				refused -> assertThat(refused.getReason()).isEqualTo(reason));
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void atOnce(int threads, java.util.function.IntConsumer work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					await(start);
					work.accept(index);
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
