package it.sportello.core.calendar;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.Channel;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.SlotGenerator;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class OfficeCalendarTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	OfficeCalendar calendar;

	@Autowired
	SlotGenerator generator;

	@Autowired
	BookingService bookings;

	@Autowired
	BookingQueries queries;

	@Autowired
	Availability availability;

	@Autowired
	JdbcTemplate jdbc;

	Agenda agenda;

	LocalDate day;

	long firstSlot;

	BookingReference booked;

	@BeforeEach
	void aDayWithABooking() {
		agenda = new AgendaFixtures(context).newQuestura("bergamo");
		day = AgendaFixtures.workingDayAhead(30);
		TenantContext.runAs(agenda.tenant(), () -> generator.generate(day, day));
		firstSlot = TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.application(), day)).get(0).id();
		booked = ((Booked) TenantContext.callAs(agenda.tenant(),
				() -> bookings.book(aCitizenBooking(agenda, firstSlot).build()))).reference();
	}

	@Test
	void closingADayFlagsItsBookingsAndOffersNothingMoreThatDay() {
		int flagged = TenantContext.callAs(agenda.tenant(), () -> calendar.close(day, null, "Sciopero", "staff:admin"));

		assertThat(flagged).isEqualTo(1);
		var view = TenantContext.callAs(agenda.tenant(), () -> queries.find(booked)).orElseThrow();
		assertThat(view.status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(view.attention()).isEqualTo("Sciopero");
		assertThat(TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.application(), day))).isEmpty();
	}

	@Test
	void aClosedDayGetsNoSlotsWhenGeneratedAgain() {
		LocalDate closed = AgendaFixtures.workingDayAhead(40);
		TenantContext.runAs(agenda.tenant(), () -> {
			calendar.close(closed, agenda.serviceLineId(), "Inventario", "staff:admin");
			generator.generate(closed, closed);
		});

		assertThat(TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.application(), closed))).isEmpty();
	}

	@Test
	void fewerCountersForADayLowerCapacityButNeverBelowWhatIsBooked() {
		TenantContext.runAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, firstSlot).build()));

		int flagged = TenantContext.callAs(agenda.tenant(),
				() -> calendar.reduce(day, agenda.serviceLineId(), 1, "Personale assente", "staff:admin"));

		assertThat(flagged).isEqualTo(2);
		assertThat(capacities()).containsOnly(1, 2);
		assertThat(jdbc.queryForObject("select capacity from " + agenda.tenant().schema() + ".slot where id = ?",
				Integer.class, firstSlot)).isEqualTo(2);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.application(), day)))
			.allSatisfy(slot -> assertThat(slot.free()).isEqualTo(1));
	}

	@Test
	void aReducedDayIsGeneratedWithTheReducedCounters() {
		LocalDate reduced = AgendaFixtures.workingDayAhead(50);
		TenantContext.runAs(agenda.tenant(), () -> {
			calendar.reduce(reduced, agenda.serviceLineId(), 2, "Sciopero", "staff:admin");
			generator.generate(reduced, reduced);
		});

		assertThat(jdbc.queryForList("select distinct capacity from " + agenda.tenant().schema()
				+ ".slot where (starts_at at time zone 'Europe/Rome')::date = ?", Integer.class, reduced))
			.containsExactly(2);
	}

	@Test
	void aDayWhoseSlotsACancelledBookingNamesCloses() {
		TenantContext.runAs(agenda.tenant(), () -> bookings.cancel(booked, Channel.CITIZEN, "citizen", null));

		TenantContext.runAs(agenda.tenant(), () -> calendar.close(day, null, "Sciopero", "staff:admin"));

		assertThat(TenantContext.callAs(agenda.tenant(), () -> queries.find(booked)).orElseThrow().status())
			.isEqualTo(BookingStatus.CANCELLED);
		assertThat(TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.application(), day))).isEmpty();
	}

	@Test
	void aBookingMovedAwayFromAClosedDayFreesNoPlaceThatDay() {
		LocalDate later = AgendaFixtures.workingDayAhead(45);
		TenantContext.runAs(agenda.tenant(), () -> {
			generator.generate(later, later);
			calendar.close(day, null, "Sciopero", "staff:admin");
			long target = availability.freeSlots(agenda.application(), later).get(0).id();
			bookings.move(booked, target, Channel.OFFICE, "staff:admin", "Sciopero");
		});

		assertThat(TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.application(), day))).isEmpty();
		assertThat(TenantContext.callAs(agenda.tenant(), () -> availability.freeDays(agenda.application(),
				java.time.YearMonth.from(day)))).doesNotContain(day);
	}

	@Test
	void theClosuresAndReductionsFromADayOnAreListedInOrder() {
		LocalDate later = AgendaFixtures.workingDayAhead(60);
		TenantContext.runAs(agenda.tenant(), () -> {
			calendar.reduce(later, agenda.serviceLineId(), 1, "Personale assente", "staff:admin");
			calendar.close(day, agenda.serviceLineId(), "Inventario", "staff:admin");
			calendar.close(day.minusDays(1), null, "Sciopero", "staff:admin");
		});

		assertThat(TenantContext.callAs(agenda.tenant(), () -> calendar.changesFrom(day))).containsExactly(
				new DayChange(day, agenda.serviceLineId(), null, "Inventario"),
				new DayChange(later, agenda.serviceLineId(), 1, "Personale assente"));
	}

	private List<Integer> capacities() {
		return jdbc.queryForList("select capacity from " + agenda.tenant().schema()
				+ ".slot where (starts_at at time zone 'Europe/Rome')::date = ?", Integer.class, day);
	}
}
