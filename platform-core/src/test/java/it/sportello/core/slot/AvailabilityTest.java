package it.sportello.core.slot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
class AvailabilityTest {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	ApplicationContext context;

	@Autowired
	Availability availability;

	@Autowired
	JdbcTemplate jdbc;

	AgendaFixtures fixtures;

	Agenda agenda;

	LocalDate day;

	@BeforeEach
	void anOffice() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("como");
		day = AgendaFixtures.workingDayAhead(20);
	}

	@Test
	void showsTheDaysOfAMonthWithAFreePlaceAndTheFreeSlotsOfADay() {
		long nine = fixtures.slotAt(agenda, at(day, 9), 2);
		long ten = fixtures.slotAt(agenda, at(day, 10), 1);
		fixtures.slotAt(agenda, at(day.plusDays(1), 9), 1);

		assertThat(days(YearMonth.from(day))).contains(day);
		assertThat(slots(day)).extracting(FreeSlot::id).containsExactly(nine, ten);
		assertThat(slots(day)).extracting(FreeSlot::free).containsExactly(2, 1);
	}

	@Test
	void aFullSlotIsNotOffered() {
		long full = fixtures.slotAt(agenda, at(day, 9), 1);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set booked = 1 where id = ?", full);

		assertThat(slots(day)).isEmpty();
		assertThat(days(YearMonth.from(day))).doesNotContain(day);
	}

	@Test
	void aSlotNotYetReleasedIsNotOffered() {
		long later = fixtures.slotAt(agenda, at(day, 9), 1);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = now() + interval '1 day' where id = ?",
				later);

		assertThat(slots(day)).isEmpty();
	}

	@Test
	void aPastSlotIsNotOffered() {
		Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
		fixtures.slotAt(agenda, anHourAgo, 3);

		assertThat(slots(LocalDate.ofInstant(anHourAgo, ROME))).isEmpty();
	}

	@Test
	void anotherPracticesLineOrAnInactivePracticeOffersNothing() {
		fixtures.slotAt(agenda, at(day, 9), 1);
		jdbc.update("update " + agenda.tenant().schema() + ".practice set active = false where id = ?", agenda.application());

		assertThat(slots(day)).isEmpty();
		assertThat(TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.pickUp(), day))).hasSize(1);
	}

	private List<LocalDate> days(YearMonth month) {
		return TenantContext.callAs(agenda.tenant(), () -> availability.freeDays(agenda.application(), month));
	}

	private List<FreeSlot> slots(LocalDate day) {
		return TenantContext.callAs(agenda.tenant(), () -> availability.freeSlots(agenda.application(), day));
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(ROME).toInstant();
	}
}
