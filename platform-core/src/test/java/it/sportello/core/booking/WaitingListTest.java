package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.person.PersonKeys;
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
class WaitingListTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	WaitingList waitingList;

	@Autowired
	FreedPlaces freedPlaces;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	@BeforeEach
	void aQuesturaWithScheduledReleases() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("attesa");
		fixtures.releaseOnSchedule(agenda);
	}

	@Test
	void aCancelledPlaceGoesToTheFirstPersonWaitingNotBackToTheCrowd() {
		long slot = fixtures.slot(agenda, 1);
		long canceller = People.newAccount();
		BookingReference held = book(slot, People.anyone(), canceller);
		long waiting = People.newAccount();
		var person = People.anyone();
		long entry = wait(person, waiting);

		cancel(held);

		assertThat(fixtures.booked(agenda, slot)).isZero();
		assertRefused(Reason.SLOT_FULL, () -> book(slot, People.anyone(), canceller));
		assertRefused(Reason.SLOT_FULL, () -> book(slot, People.anyone(), People.newAccount()));
		assertThat(TenantContext.callAs(agenda.tenant(), () -> waitingList.offersOf(waiting))).extracting(o -> o.slotId())
			.containsExactly(slot);

		BookingReference accepted = TenantContext.callAs(agenda.tenant(), () -> waitingList.accept(entry, waiting));

		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select held from " + agenda.tenant().schema() + ".slot where id = ?", Integer.class,
				slot)).isZero();
		assertThat(jdbc.queryForObject("select person_key from " + agenda.tenant().schema() + ".booking_person bp join "
				+ agenda.tenant().schema() + ".booking b on b.id = bp.booking_id where b.reference = ?", String.class,
				accepted.value())).isEqualTo(context.getBean(PersonKeys.class).of(person.identity()).value());
	}

	@Test
	void aPlaceFreedInASlotTheHoursNoLongerHaveIsOfferedToNobody() {
		long slot = fixtures.slot(agenda, 1);
		BookingReference kept = book(slot, People.anyone(), People.newAccount());
		long waiting = People.newAccount();
		wait(People.anyone(), waiting);
		// the office's new hours leave the slot out: it stays for its booking, withdrawn from booking
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = 'infinity' where id = ?", slot);

		cancel(kept);

		assertThat(TenantContext.callAs(agenda.tenant(), () -> waitingList.offersOf(waiting))).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".place_hold where slot_id = ?",
				Integer.class, slot)).isZero();
		assertThatThrownBy(() -> book(slot, People.anyone(), People.newAccount())).isInstanceOf(BookingRefused.class);
	}

	@Test
	void anOfferOnASlotWithdrawnMeanwhileIsPassedToNobody() {
		long slot = fixtures.slot(agenda, 1);
		BookingReference held = book(slot, People.anyone(), People.newAccount());
		wait(People.anyone(), People.newAccount());
		long second = People.newAccount();
		wait(People.anyone(), second);
		cancel(held);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = 'infinity' where id = ?", slot);

		jdbc.update("update " + agenda.tenant().schema() + ".place_hold set until = now() - interval '1 minute'");
		TenantContext.callAs(agenda.tenant(), freedPlaces::passOnAndReleaseHere);

		assertThat(TenantContext.callAs(agenda.tenant(), () -> waitingList.offersOf(second))).isEmpty();
	}

	@Test
	void anOfferNotTakenInTimePassesToTheNext() {
		long slot = fixtures.slot(agenda, 1);
		BookingReference held = book(slot, People.anyone(), People.newAccount());
		long first = People.newAccount();
		long second = People.newAccount();
		long firstEntry = wait(People.anyone(), first);
		wait(People.anyone(), second);
		cancel(held);

		jdbc.update("update " + agenda.tenant().schema() + ".place_hold set until = now() - interval '1 minute'");
		TenantContext.callAs(agenda.tenant(), freedPlaces::passOnAndReleaseHere);

		assertThat(TenantContext.callAs(agenda.tenant(), () -> waitingList.offersOf(first))).isEmpty();
		assertThat(TenantContext.callAs(agenda.tenant(), () -> waitingList.offersOf(second))).hasSize(1);
		assertThatThrownBy(() -> TenantContext.callAs(agenda.tenant(), () -> waitingList.accept(firstEntry, first)))
			.isInstanceOf(BookingRefused.class);
	}

	@Test
	void aPlaceNobodyWaitsForReappearsAfterARandomDelayNotAtOnce() {
		long slot = fixtures.slot(agenda, 1);
		long canceller = People.newAccount();
		BookingReference held = book(slot, People.anyone(), canceller);

		cancel(held);

		Instant until = jdbc.queryForObject("select until from " + agenda.tenant().schema() + ".place_hold where slot_id = ?",
				Timestamp.class, slot).toInstant();
		assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(41)));
		assertRefused(Reason.SLOT_FULL, () -> book(slot, People.anyone(), canceller));

		jdbc.update("update " + agenda.tenant().schema() + ".place_hold set until = now() - interval '1 second'");
		TenantContext.callAs(agenda.tenant(), freedPlaces::passOnAndReleaseHere);

		book(slot, People.anyone(), People.newAccount());
		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(1);
	}

	@Test
	void newPlacesGoToThePeopleWaitingInListOrderBeforeTheCrowd() {
		long first = People.newAccount();
		long second = People.newAccount();
		wait(People.anyone(), first);
		wait(People.anyone(), second);
		long early = fixtures.slot(agenda, 1);
		long later = fixtures.slot(agenda, 1);

		TenantContext.callAs(agenda.tenant(), freedPlaces::passOnAndReleaseHere);

		assertThat(TenantContext.callAs(agenda.tenant(), () -> waitingList.offersOf(first))).extracting(o -> o.slotId())
			.containsExactly(early);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> waitingList.offersOf(second))).extracting(o -> o.slotId())
			.containsExactly(later);
		assertRefused(Reason.SLOT_FULL, () -> book(early, People.anyone(), People.newAccount()));
	}

	@Test
	void anOfficeWithoutAReleaseScheduleFreesACancelledPlaceAtOnce() {
		Agenda plain = fixtures.newQuestura("semplice");
		long slot = fixtures.slot(plain, 1);
		BookingReference reference = ((Booked) TenantContext.callAs(plain.tenant(), () -> bookings.book(
				aCitizenBooking(plain, slot).forPerson(People.anyone()).byAccount(People.newAccount()).build()))).reference();

		TenantContext.runAs(plain.tenant(), () -> bookings.cancel(reference, Channel.CITIZEN, "test", null));

		TenantContext.callAs(plain.tenant(), () -> bookings.book(aCitizenBooking(plain, slot).forPerson(People.anyone())
			.byAccount(People.newAccount()).build()));
		assertThat(fixtures.activeBookings(plain, slot)).isEqualTo(1);
	}

	private long wait(PersonDetails person, long account) {
		ReleaseEntries.Entry entry = ReleaseEntries.Entry.of(aCitizenBooking(agenda, 0).forPerson(person).byAccount(account)
			.build(), List.of(context.getBean(PersonKeys.class).of(person.identity())));
		return jdbc.queryForObject("insert into " + agenda.tenant().schema() + ".waiting_entry (practice_id, holder_key,"
				+ " request) values (?, ?, ?) returning id", Long.class, agenda.application(),
				entry.persons().get(0).key(), ReleaseEntries.JSON.writeValueAsString(entry));
	}

	private BookingReference book(long slot, PersonDetails person, long account) {
		return ((Booked) TenantContext.callAs(agenda.tenant(),
				() -> bookings.book(aCitizenBooking(agenda, slot).forPerson(person).byAccount(account).build()))).reference();
	}

	private void cancel(BookingReference reference) {
		TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(reference, Channel.CITIZEN, "account:x", null));
	}

	private static void assertRefused(Reason reason, Runnable work) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(BookingRefused.class,
				refused -> assertThat(refused.getReason()).isEqualTo(reason));
	}
}
