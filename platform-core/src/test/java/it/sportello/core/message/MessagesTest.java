package it.sportello.core.message;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class MessagesTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Messages messages;

	@Autowired
	BookingService bookings;

	Agenda agenda;

	BookingReference reference;

	@BeforeEach
	void aBooking() {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("roma");
		reference = ((Booked) TenantContext.callAs(agenda.tenant(),
				() -> bookings.book(aCitizenBooking(agenda, fixtures.slot(agenda, 1)).build()))).reference();
	}

	@Test
	void theOfficeWritesAndThePersonReads() {
		Message first = send("Portare anche il contratto di lavoro.");
		send("L'appuntamento è confermato.");

		assertThat(TenantContext.callAs(agenda.tenant(), () -> messages.unread(reference))).isEqualTo(2);
		TenantContext.runAs(agenda.tenant(), () -> messages.markRead(reference, first.id()));

		assertThat(TenantContext.callAs(agenda.tenant(), () -> messages.unread(reference))).isEqualTo(1);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> messages.of(reference))).extracting(Message::body)
			.containsExactly("L'appuntamento è confermato.", "Portare anche il contratto di lavoro.");
	}

	@Test
	void theAccountReadsTheMessagesOfItsOwnBookingsNotOfTheClientsItBookedFor() {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		long member = People.newAccount();
		BookingReference own = ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(
				aCitizenBooking(agenda, fixtures.slot(agenda, 1)).byAccount(member).build()))).reference();
		BookingReference client = ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(
				aCitizenBooking(agenda, fixtures.slot(agenda, 1)).byAccount(member)
					.byAssociation(fixtures.association(5)).build()))).reference();
		TenantContext.callAs(agenda.tenant(), () -> messages.send(own, "staff:anna", "Per te."));
		Message toTheClient = TenantContext.callAs(agenda.tenant(), () -> messages.send(client, "staff:anna", "Per l'assistito."));

		assertThat(TenantContext.callAs(agenda.tenant(), () -> messages.ofAccount(member, 20)))
			.extracting(m -> m.message().body()).containsExactly("Per te.");
		assertThat(TenantContext.callAs(agenda.tenant(), () -> messages.markReadOfAccount(member, toTheClient.id())))
			.isFalse();
	}

	@Test
	void aMessageForAnUnknownBookingIsRefused() {
		assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(),
				() -> messages.send(new BookingReference("0000000000"), "staff:anna", "Ciao")))
			.isInstanceOf(BookingRefused.class);
	}

	private Message send(String body) {
		return TenantContext.callAs(agenda.tenant(), () -> messages.send(reference, "staff:anna", body));
	}
}
