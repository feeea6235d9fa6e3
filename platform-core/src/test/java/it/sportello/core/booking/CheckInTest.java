package it.sportello.core.booking;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.BookingRequests;
import it.sportello.core.testsupport.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class CheckInTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	CheckIn checkIn;

	@Autowired
	BookingQueries queries;

	@Autowired
	AuditLog audit;

	AgendaFixtures fixtures;

	Agenda agenda;

	PersonDetails holder = new PersonDetails("Awa Diop",
			new PersonIdentity.Document(DocumentType.PASSPORT, "SN", "A" + System.nanoTime() % 1_000_000_000), false);

	BookingReference reference;

	@BeforeEach
	void aBookingWhoseAppointmentStartsNow() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("genova");
		reference = bookStartingNow(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(holder));
	}

	@Test
	void theDocumentOfTheBookingChecksThePersonIn() {
		// typed at the counter with spaces and in lower case: the same document
		var shown = new PersonIdentity.Document(DocumentType.PASSPORT, "sn",
				" " + ((PersonIdentity.Document) holder.identity()).number().toLowerCase() + " ");

		TenantContext.runAs(agenda.tenant(), () -> checkIn.checkIn(reference, shown, "staff:anna"));

		assertThat(status()).isEqualTo(BookingStatus.CHECKED_IN);
	}

	@Test
	void anotherDocumentIsRefusedAndTheRefusalIsAudited() {
		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(),
				() -> checkIn.checkIn(reference, People.passport(), "staff:anna")))
			.isInstanceOf(BookingRefused.class)
			.extracting("reason")
			.isEqualTo(Reason.DOCUMENT_MISMATCH);

		assertThat(status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> audit.forBooking(reference.value())))
			.extracting(e -> e.entry().action())
			.containsExactly("BOOKED", "CHECK_IN_REFUSED");
	}

	@Test
	void theSameNumberFromAnotherCountryIsAnotherDocument() {
		var sameNumberOtherCountry = new PersonIdentity.Document(DocumentType.PASSPORT, "ML",
				((PersonIdentity.Document) holder.identity()).number());

		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(),
				() -> checkIn.checkIn(reference, sameNumberOtherCountry, "staff:anna")))
			.isInstanceOf(BookingRefused.class);
	}

	@Test
	void aMinorChildOfTheBookingMayShowTheirOwnDocument() {
		PersonDetails child = People.minorChild();
		BookingReference family = bookStartingNow(
				aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(People.anyone()).forPerson(child));

		TenantContext.runAs(agenda.tenant(), () -> checkIn.checkIn(family, child.identity(), "staff:anna"));

		assertThat(TenantContext.callAs(agenda.tenant(), () -> queries.find(family)).orElseThrow().status())
			.isEqualTo(BookingStatus.CHECKED_IN);
	}

	@Test
	void servedEndsTheBookingAndThePersonMayBookAgain() {
		TenantContext.runAs(agenda.tenant(), () -> {
			checkIn.checkIn(reference, holder.identity(), "staff:anna");
			checkIn.served(reference, "staff:anna");
		});

		assertThat(status()).isEqualTo(BookingStatus.SERVED);
		book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(holder));
	}

	@Test
	void noShowIsRecordedOnlyForABookingNotCheckedIn() {
		TenantContext.runAs(agenda.tenant(), () -> checkIn.noShow(reference, "staff:anna"));

		assertThat(status()).isEqualTo(BookingStatus.NO_SHOW);
		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(), () -> checkIn.served(reference, "staff:anna")))
			.isInstanceOf(BookingRefused.class)
			.extracting("reason")
			.isEqualTo(Reason.NOT_IN_A_STATE_TO_DO_THAT);
	}

	@Test
	void aCheckInOnAnotherDayThanTheAppointmentsWaitsForTheOperatorsConfirmation() {
		PersonDetails early = People.anyone();
		BookingReference nextMonth = book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(early));

		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(),
				() -> checkIn.checkIn(nextMonth, early.identity(), "staff:anna")))
			.isInstanceOf(BookingRefused.class)
			.extracting("reason")
			.isEqualTo(Reason.NOT_ITS_DAY);
		assertThat(status(nextMonth)).isEqualTo(BookingStatus.BOOKED);

		TenantContext.runAs(agenda.tenant(), () -> checkIn.checkInOnAnotherDay(nextMonth, early.identity(), "staff:anna"));

		assertThat(status(nextMonth)).isEqualTo(BookingStatus.CHECKED_IN);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> audit.forBooking(nextMonth.value())))
			.filteredOn(e -> e.entry().action().equals("CHECKED_IN"))
			.singleElement()
			.satisfies(e -> assertThat(e.entry().facts()).containsKey("appointmentDay"));
	}

	@Test
	void noShowIsRefusedBeforeTheAppointmentStarts() {
		BookingReference nextMonth = book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(People.anyone()));

		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(), () -> checkIn.noShow(nextMonth, "staff:anna")))
			.isInstanceOf(BookingRefused.class)
			.extracting("reason")
			.isEqualTo(Reason.NOT_STARTED_YET);
		assertThat(status(nextMonth)).isEqualTo(BookingStatus.BOOKED);
	}

	@Test
	void aNoShowUndoneTheSameDayIsBookedAgainAndHoldsThePersonsClaimAgain() {
		TenantContext.runAs(agenda.tenant(), () -> checkIn.noShow(reference, "staff:anna"));
		assertThat(TenantContext.callAs(agenda.tenant(), () -> checkIn.canUndoNoShow(reference))).isTrue();

		TenantContext.runAs(agenda.tenant(), () -> checkIn.undoNoShow(reference, "staff:anna"));

		assertThat(status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(queries.hasActiveBooking(context.getBean(it.sportello.core.person.PersonKeys.class)
			.of(holder.identity()))).isTrue();
		assertThat(TenantContext.callAs(agenda.tenant(), () -> audit.forBooking(reference.value())))
			.extracting(e -> e.entry().action())
			.containsExactly("BOOKED", "NO_SHOW", "NO_SHOW_UNDONE");
	}

	@Test
	void aNoShowIsUndoneOnlyOnTheDayItWasRecorded() {
		TenantContext.runAs(agenda.tenant(), () -> checkIn.noShow(reference, "staff:anna"));
		context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).update("update " + agenda.tenant().schema()
				+ ".booking set updated_at = now() - interval '1 day' where reference = ?", reference.value());

		assertThat(TenantContext.callAs(agenda.tenant(), () -> checkIn.canUndoNoShow(reference))).isFalse();
		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(), () -> checkIn.undoNoShow(reference, "staff:anna")))
			.isInstanceOf(BookingRefused.class)
			.extracting("reason")
			.isEqualTo(Reason.TOO_LATE_TO_UNDO);
		assertThat(status()).isEqualTo(BookingStatus.NO_SHOW);
	}

	@Test
	void aNoShowIsNotUndoneOnceThePersonHasBookedAgain() {
		TenantContext.runAs(agenda.tenant(), () -> checkIn.noShow(reference, "staff:anna"));
		book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(holder));

		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(), () -> checkIn.undoNoShow(reference, "staff:anna")))
			.isInstanceOf(BookingRefused.class)
			.extracting("reason")
			.isEqualTo(Reason.PERSON_ALREADY_BOOKED);
		assertThat(status()).isEqualTo(BookingStatus.NO_SHOW);
	}

	private BookingStatus status() {
		return status(reference);
	}

	private BookingStatus status(BookingReference booking) {
		return TenantContext.callAs(agenda.tenant(), () -> queries.find(booking)).orElseThrow().status();
	}

	private BookingReference bookStartingNow(BookingRequests request) {
		BookingReference booked = book(request);
		fixtures.startNow(agenda, TenantContext.callAs(agenda.tenant(), () -> queries.find(booked)).orElseThrow().slotId());
		return booked;
	}

	private BookingReference book(BookingRequests request) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(request.build()))).reference();
	}
}
