package it.sportello.core.slot;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SlotCapacityTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHeldPlaceCountsAgainstCapacityUntilItIsGivenBack() {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		Agenda agenda = fixtures.newQuestura("cremona");
		long slot = fixtures.slot(agenda, 1);

		// the waiting list holds a place aside the way FreedPlaces does: held + 1 under the same guard as a booking
		assertThat(hold(agenda, slot)).isTrue();
		assertThat(hold(agenda, slot)).isFalse();
		assertThatThrownBy(() -> TenantContext.callAs(agenda.tenant(),
				() -> bookings.book(aCitizenBooking(agenda, slot).build()))).isInstanceOf(BookingRefused.class);

		assertThat(giveBack(agenda, slot)).isTrue();
		TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, slot).build()));
		assertThat(giveBack(agenda, slot)).isFalse();
	}

	@Test
	void theDatabaseRefusesMorePlacesThanCapacityWhateverTheCode() {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		Agenda agenda = fixtures.newQuestura("cremona");
		long slot = fixtures.slot(agenda, 2);

		assertThatThrownBy(() -> jdbc.update("update " + agenda.tenant().schema()
				+ ".slot set booked = 2, held = 1 where id = ?", slot)).hasMessageContaining("slot_within_capacity");
	}

	private boolean hold(Agenda agenda, long slot) {
		return jdbc.update("update " + agenda.tenant().schema()
				+ ".slot set held = held + 1 where id = ? and booked + held < capacity", slot) == 1;
	}

	private boolean giveBack(Agenda agenda, long slot) {
		return jdbc.update("update " + agenda.tenant().schema() + ".slot set held = held - 1 where id = ? and held > 0",
				slot) == 1;
	}
}
