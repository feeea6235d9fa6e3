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
	void aBooking() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("genova");
		reference = book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(holder));
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
		BookingReference family = book(
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

	private BookingStatus status() {
		return TenantContext.callAs(agenda.tenant(), () -> queries.find(reference)).orElseThrow().status();
	}

	private BookingReference book(BookingRequests request) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(request.build()))).reference();
	}
}
