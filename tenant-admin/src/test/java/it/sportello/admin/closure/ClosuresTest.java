package it.sportello.admin.closure;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import it.sportello.admin.closure.ClosureOutcome.Unsettled;
import it.sportello.admin.closure.ClosureRefused.Reason;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.BookingView;
import it.sportello.core.calendar.DayChange;
import it.sportello.core.calendar.OfficeCalendar;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

// a short lock wait: the test of a booking held by another action waits for it twice
@SpringBootTest(properties = "sportello.booking.lock-timeout=300ms")
class ClosuresTest {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	ApplicationContext context;

	@Autowired
	Closures closures;

	@Autowired
	BookingService bookings;

	@Autowired
	BookingQueries queries;

	@Autowired
	OfficeCalendar calendar;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	AgendaFixtures fixtures;

	Agenda agenda;

	LocalDate day;

	@BeforeEach
	void anOfficeAndADayToClose() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("chiusure");
		day = AgendaFixtures.workingDayAhead(10);
	}

	@Test
	void closingADayMovesEachBookingItHitsToTheNearestFreeTimeAfterIt() {
		BookingReference hit = book(slotOn(day, 9));
		long later = slotOn(day.plusDays(3), 9);
		long nearest = slotOn(day.plusDays(1), 11);

		ClosureOutcome outcome = apply(close(day), HitBookings.MOVE);

		assertThat(outcome.moved()).containsExactly(hit);
		assertThat(outcome.cancelled()).isEmpty();
		assertThat(view(hit).slotId()).isEqualTo(nearest).isNotEqualTo(later);
		assertThat(view(hit).status()).isEqualTo(BookingStatus.BOOKED);
	}

	@Test
	void aBookingWithNoFreeTimeUpToTheEndOfTheSecondMonthAfterTheDayIsCancelled() {
		BookingReference hit = book(slotOn(day, 9));
		slotOn(YearMonth.from(day).plusMonths(3).atDay(1), 9);

		ClosureOutcome outcome = apply(close(day), HitBookings.MOVE);

		assertThat(outcome.moved()).isEmpty();
		assertThat(outcome.cancelled()).containsExactly(hit);
		assertThat(view(hit).status()).isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void askedToCancelItCancelsEvenWhenThereIsFreeTime() {
		BookingReference hit = book(slotOn(day, 9));
		slotOn(day.plusDays(1), 9);

		ClosureOutcome outcome = apply(close(day), HitBookings.CANCEL);

		assertThat(outcome.cancelled()).containsExactly(hit);
		assertThat(view(hit).status()).isEqualTo(BookingStatus.CANCELLED);
	}

	@Test
	void aReductionSettlesOnlyTheBookingsOfTheSlotsItLeavesOverbooked() {
		BookingReference alone = book(slotOn(day, 9));
		long crowded = slotOn(day, 10);
		List<BookingReference> beyond = List.of(book(crowded), book(crowded));
		slotOn(day.plusDays(1), 9);

		ClosureOutcome outcome = apply(new DayChange(day, agenda.serviceLineId(), 1, "Formazione"), HitBookings.MOVE);

		assertThat(outcome.moved()).containsExactlyInAnyOrderElementsOf(beyond);
		assertThat(view(alone).startsAt()).isEqualTo(at(day, 9));
	}

	@Test
	void aBookingThatCanBeNeitherMovedNorCancelledLeavesTheClosureAndTheOthersDone() throws Exception {
		BookingReference first = book(slotOn(day, 9));
		BookingReference held = book(slotOn(day, 10));
		BookingReference last = book(slotOn(day, 11));
		slotOn(day.plusDays(1), 9, 3);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// another action holds the booking: the closure may flag it, but neither move nor cancel it
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> {
				jdbc.queryForList("select id from " + agenda.tenant().schema() + ".booking where reference = ?"
						+ " for key share", held.value());
				locked.countDown();
				await(release);
			}));
		ClosureOutcome outcome;
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			outcome = apply(close(day), HitBookings.MOVE);
		}
		finally {
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
		}

		assertThat(outcome.moved()).containsExactly(first, last);
		assertThat(outcome.unsettled()).containsExactly(new Unsettled(held, "booking.refused.TRY_AGAIN"));
		assertThat(view(first).startsAt()).isEqualTo(at(day.plusDays(1), 9));
		assertThat(view(held).startsAt()).isEqualTo(at(day, 10));
		assertThat(view(held).status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(view(held).attention()).isEqualTo("Sciopero");
		assertThat(inAgenda(() -> calendar.changesFrom(day))).singleElement().satisfies(c -> assertThat(c.closed()).isTrue());
	}

	@Test
	void thePreviewListsTheBookingsTheDayHoldsAndChangesNothing() {
		BookingReference hit = book(slotOn(day, 9));

		List<BookingView> preview = inAgenda(() -> closures.preview(close(day)));

		assertThat(preview).extracting(BookingView::reference).containsExactly(hit);
		assertThat(inAgenda(() -> calendar.changesFrom(day))).isEmpty();
		assertThat(view(hit).attention()).isNull();
	}

	@Test
	void aDayClosedAlreadyForTheSameScopeIsRefused() {
		apply(close(day), HitBookings.MOVE);

		assertThatThrownBy(() -> apply(close(day), HitBookings.MOVE)).isInstanceOf(ClosureRefused.class)
			.extracting(e -> ((ClosureRefused) e).getReason())
			.isEqualTo(Reason.ALREADY_CLOSED);
		assertThatThrownBy(() -> inAgenda(() -> closures.preview(close(day)))).isInstanceOf(ClosureRefused.class);
	}

	@Test
	void aServiceLineThatIsNotHereIsRefused() {
		assertThatThrownBy(() -> apply(new DayChange(day, 999_999L, null, "Sciopero"), HitBookings.MOVE))
			.isInstanceOf(ClosureRefused.class)
			.extracting(e -> ((ClosureRefused) e).getReason())
			.isEqualTo(Reason.UNKNOWN_SERVICE_LINE);
		assertThat(inAgenda(() -> calendar.changesFrom(day))).isEmpty();
	}

	@Test
	void aDayBeforeTodayIsRefusedAndNothingChanges() {
		LocalDate yesterday = LocalDate.now(ROME).minusDays(1);

		assertThatThrownBy(() -> apply(close(yesterday), HitBookings.MOVE)).isInstanceOf(ClosureRefused.class)
			.extracting(e -> ((ClosureRefused) e).getReason())
			.isEqualTo(Reason.PAST_DAY);
		assertThat(inAgenda(() -> calendar.changesFrom(yesterday))).isEmpty();
	}

	private DayChange close(LocalDate closed) {
		return new DayChange(closed, null, null, "Sciopero");
	}

	private ClosureOutcome apply(DayChange change, HitBookings then) {
		return inAgenda(() -> closures.apply(change, then, "staff:test"));
	}

	private long slotOn(LocalDate date, int hour) {
		return slotOn(date, hour, 2);
	}

	private long slotOn(LocalDate date, int hour, int capacity) {
		return fixtures.slotAt(agenda, at(date, hour), capacity);
	}

	private static Instant at(LocalDate date, int hour) {
		return date.atTime(LocalTime.of(hour, 0)).atZone(ROME).toInstant();
	}

	private BookingReference book(long slot) {
		return ((Booked) inAgenda(() -> bookings.book(aCitizenBooking(agenda, slot).build()))).reference();
	}

	private BookingView view(BookingReference reference) {
		return inAgenda(() -> queries.find(reference)).orElseThrow();
	}

	private <T> T inAgenda(Supplier<T> work) {
		return TenantContext.callAs(agenda.tenant(), work);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
