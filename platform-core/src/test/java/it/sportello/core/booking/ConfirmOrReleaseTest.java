package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import it.sportello.core.booking.BookingOutcome.Booked;
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
class ConfirmOrReleaseTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	ConfirmOrRelease confirmOrRelease;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	@BeforeEach
	void aQuesturaWithScheduledReleases() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("conferma");
		fixtures.releaseOnSchedule(agenda);
	}

	@Test
	void aBookingMadeLongAheadIsAskedOnceAndKeptOnceConfirmed() {
		BookingReference reference = bookedLongAgo(Duration.ofDays(5));

		assertThat(inAgenda(confirmOrRelease::requestDue)).isEqualTo(1);
		assertThat(inAgenda(confirmOrRelease::requestDue)).isZero();
		assertThat(confirmationEvents(reference)).isEqualTo(1);
		TenantContext.runAs(agenda.tenant(), () -> confirmOrRelease.confirm(reference, "account:1"));
		deadlinePassed();

		assertThat(inAgenda(confirmOrRelease::releaseUnconfirmed)).isZero();
		assertThat(status(reference)).isEqualTo("BOOKED");
	}

	@Test
	void anUnconfirmedBookingIsReleasedAtTheDeadlineAndItsPlaceHeldForTheWaitingList() {
		BookingReference reference = bookedLongAgo(Duration.ofDays(5));
		inAgenda(confirmOrRelease::requestDue);
		deadlinePassed();

		assertThat(inAgenda(confirmOrRelease::releaseUnconfirmed)).isEqualTo(1);

		assertThat(status(reference)).isEqualTo("CANCELLED");
		assertThat(jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".place_hold", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void aBookingMadeInTheLastDaysNeedsNoConfirmation() {
		long slot = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(5)), 1);
		BookingReference recent = ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(
				aCitizenBooking(agenda, slot).forPerson(People.anyone()).byAccount(People.newAccount()).build()))).reference();

		assertThat(inAgenda(confirmOrRelease::requestDue)).isZero();
		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(), () -> confirmOrRelease.confirm(recent, "x")))
			.isInstanceOf(BookingRefused.class);
	}

	private BookingReference bookedLongAgo(Duration ahead) {
		long slot = fixtures.slotAt(agenda, Instant.now().plus(ahead), 1);
		BookingReference reference = ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(
				aCitizenBooking(agenda, slot).forPerson(People.anyone()).byAccount(People.newAccount()).build()))).reference();
		jdbc.update("update " + agenda.tenant().schema() + ".booking set created_at = now() - interval '20 days'"
				+ " where reference = ?", reference.value());
		return reference;
	}

	private void deadlinePassed() {
		jdbc.update("update " + agenda.tenant().schema() + ".office_profile set confirm_deadline_days = 6");
	}

	private String status(BookingReference reference) {
		return jdbc.queryForObject("select status from " + agenda.tenant().schema() + ".booking where reference = ?",
				String.class, reference.value());
	}

	private int confirmationEvents(BookingReference reference) {
		return jdbc.queryForObject("select count(*) from platform.domain_event where type = ? and payload like ?",
				Integer.class, ConfirmationRequested.class.getName(), "%" + reference.value() + "%");
	}

	private <T> T inAgenda(java.util.function.Supplier<T> work) {
		return TenantContext.callAs(agenda.tenant(), work);
	}
}
