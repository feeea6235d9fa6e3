package it.sportello.core.event;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.core.booking.BookingCancelled;
import it.sportello.core.booking.BookingMade;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.RecordingEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class OutboxTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	EventRelay relay;

	@Autowired
	RecordingEvents listener;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	@BeforeEach
	void anOfficeAndAnEmptyOutbox() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("lecco");
		relay.publishPending();
	}

	@AfterEach
	void listenerBackUp() {
		listener.failing(false);
	}

	@Test
	void aBookingsEventIsDeliveredAfterItsTransactionWithItsQuestura() {
		BookingReference reference = book(fixtures.slot(agenda, 1));

		assertThat(relay.publishPending()).isEqualTo(1);

		assertThat(listener.received()).last().isInstanceOfSatisfying(BookingMade.class, made -> {
			assertThat(made.tenant()).isEqualTo(agenda.tenant().id());
			assertThat(made.reference()).isEqualTo(reference.value());
			assertThat(made.channel()).isEqualTo(Channel.CITIZEN);
		});
		assertThat(relay.publishPending()).isZero();
	}

	@Test
	void aRefusedRequestLeavesNoEvent() {
		long slot = fixtures.slot(agenda, 1);
		book(slot);
		relay.publishPending();

		assertThatThrownBy(() -> book(slot)).isInstanceOf(BookingRefused.class);

		assertThat(pending()).isZero();
	}

	@Test
	void anEventWhoseListenerFailsStaysPendingAndIsDeliveredLater() {
		listener.failing(true);
		BookingReference reference = book(fixtures.slot(agenda, 1));
		TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(reference, Channel.CITIZEN, "account", "imprevisto"));

		assertThat(relay.publishPending()).isZero();
		assertThat(pending()).isEqualTo(2);

		listener.failing(false);
		assertThat(relay.publishPending()).isEqualTo(2);
		assertThat(listener.received()).last().isInstanceOfSatisfying(BookingCancelled.class,
				cancelled -> assertThat(cancelled.reason()).isEqualTo("imprevisto"));
	}

	@Test
	void aListenerWhoseSqlFailsSpoilsOnlyItsOwnDelivery() {
		BookingReference broken = book(fixtures.slot(agenda, 1));
		BookingReference fine = book(fixtures.slot(agenda, 1));
		listener.doing(event -> {
			if (event instanceof BookingMade made && made.reference().equals(broken.value())) {
				jdbc.queryForList("select * from no_such_table");
			}
		});

		assertThat(relay.publishPending()).isEqualTo(1);

		assertThat(listener.received()).last().isInstanceOfSatisfying(BookingMade.class,
				made -> assertThat(made.reference()).isEqualTo(fine.value()));
		assertThat(pending()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select last_error from platform.domain_event where published_at is null",
				String.class)).contains("no_such_table");
	}

	private int pending() {
		return jdbc.queryForObject("select count(*) from platform.domain_event where published_at is null", Integer.class);
	}

	private BookingReference book(long slot) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, slot).build())))
			.reference();
	}
}
