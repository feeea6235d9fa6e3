package it.sportello.core.slot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import it.sportello.core.booking.BookingService;
import it.sportello.core.office.OpeningHours;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.BookingRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SlotGeneratorTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	SlotGenerator generator;

	@Autowired
	JdbcTemplate jdbc;

	Agenda genova;

	@BeforeEach
	void anOfficeOpenEveryMorningWithThreeCounters() {
		genova = new AgendaFixtures(context).newQuestura("genova", MonthDay.of(6, 24));
	}

	@Test
	void theMondayAfterSpringForwardOpensAt0830RomeWhichIs0630Utc() {
		generate(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 30));

		assertThat(starts(LocalDate.of(2026, 3, 23)).get(0)).isEqualTo(Instant.parse("2026-03-23T07:30:00Z"));
		assertThat(starts(LocalDate.of(2026, 3, 27)).get(0)).isEqualTo(Instant.parse("2026-03-27T07:30:00Z"));
		assertThat(starts(LocalDate.of(2026, 3, 30)).get(0)).isEqualTo(Instant.parse("2026-03-30T06:30:00Z"));
		assertThat(starts(LocalDate.of(2026, 3, 30))).hasSize(12).last().isEqualTo(Instant.parse("2026-03-30T10:10:00Z"));
	}

	@Test
	void theMondayAfterFallBackOpensAt0830RomeWhichIs0730Utc() {
		generate(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26));

		assertThat(starts(LocalDate.of(2026, 10, 23)).get(0)).isEqualTo(Instant.parse("2026-10-23T06:30:00Z"));
		assertThat(starts(LocalDate.of(2026, 10, 26)).get(0)).isEqualTo(Instant.parse("2026-10-26T07:30:00Z"));
	}

	@Test
	void aWeekSpanningEachChangeHasTheSameWallClockSlotsEveryDay() {
		generate(LocalDate.of(2026, 3, 26), LocalDate.of(2026, 4, 1));
		generate(LocalDate.of(2026, 10, 22), LocalDate.of(2026, 10, 28));

		for (LocalDate day : List.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 31),
				LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 27))) {
			assertThat(starts(day)).as(day.toString())
				.hasSize(12)
				.allSatisfy(start -> assertThat(start.atZone(ZoneId.of("Europe/Rome")).toLocalTime())
					.isBetween(LocalTime.of(8, 30), LocalTime.of(12, 10)));
		}
	}

	@Test
	void noSlotsOnNationalHolidaysNorOnThePatronSaintsDay() {
		generate(LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 7));
		generate(LocalDate.of(2026, 6, 23), LocalDate.of(2026, 6, 25));
		generate(LocalDate.of(2025, 10, 4), LocalDate.of(2025, 10, 4));
		generate(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 4));

		assertThat(starts(LocalDate.of(2026, 4, 5))).as("Easter").isEmpty();
		assertThat(starts(LocalDate.of(2026, 4, 6))).as("Easter Monday").isEmpty();
		assertThat(starts(LocalDate.of(2026, 4, 7))).hasSize(12);
		assertThat(starts(LocalDate.of(2026, 6, 24))).as("San Giovanni, Genova").isEmpty();
		assertThat(starts(LocalDate.of(2026, 6, 23))).hasSize(12);
		assertThat(starts(LocalDate.of(2025, 10, 4))).as("4 October 2025").hasSize(12);
		assertThat(starts(LocalDate.of(2026, 10, 4))).as("4 October 2026").isEmpty();
	}

	@Test
	void anotherOfficeWorksOnGenovasPatronDay() {
		Agenda bergamo = new AgendaFixtures(context).newQuestura("bergamo", MonthDay.of(8, 26));

		TenantContext.runAs(bergamo.tenant(), () -> generator.generate(LocalDate.of(2026, 6, 24), LocalDate.of(2026, 8, 26)));

		assertThat(starts(bergamo, LocalDate.of(2026, 6, 24))).hasSize(12);
		assertThat(starts(bergamo, LocalDate.of(2026, 8, 26))).isEmpty();
	}

	@Test
	void eachSlotHasACapacityOfOnePlacePerCounter() {
		generate(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2));

		assertThat(jdbc.queryForList("select distinct capacity from " + genova.tenant().schema() + ".slot", Integer.class))
			.containsExactly(3);
	}

	@Test
	void generatingAgainAddsNothing() {
		assertThat(generate(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 10))).isEqualTo(7 * 12);
		assertThat(generate(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 10))).isZero();
	}

	@Test
	void changingHoursRebuildsTheFreeSlotsAndKeepsTheBookedOnes(@Autowired BookingService bookings,
			@Autowired ServiceLines serviceLines) {
		LocalDate day = AgendaFixtures.workingDayAhead(40);
		generate(day, day);
		long firstSlot = slotIds(day).get(0);
		TenantContext.runAs(genova.tenant(), () -> bookings.book(BookingRequests.aCitizenBooking(genova, firstSlot).build()));

		TenantContext.runAs(genova.tenant(), () -> {
			var line = serviceLines.findById(genova.serviceLineId()).orElseThrow();
			line.replaceHours(List.of(new OpeningHours(day.getDayOfWeek(), LocalTime.of(14, 0), LocalTime.of(15, 0), 30, 2)));
			serviceLines.save(line);
			generator.regenerate(genova.serviceLineId(), day, day);
		});

		assertThat(slotIds(day)).hasSize(3).contains(firstSlot);
		assertThat(starts(day)).extracting(start -> start.atZone(ZoneId.of("Europe/Rome")).toLocalTime())
			.containsExactly(LocalTime.of(8, 30), LocalTime.of(14, 0), LocalTime.of(14, 30));
	}

	private int generate(LocalDate from, LocalDate to) {
		return TenantContext.callAs(genova.tenant(), () -> generator.generate(from, to));
	}

	@Test
	void anOfficeThatReleasesFourteenDaysAheadAt1400OpensEachDayThenAndShowsItAsOpeningLater() {
		LocalDate day = it.sportello.core.testsupport.AgendaFixtures.workingDayAhead(21);
		TenantContext.runAs(genova.tenant(), () -> {
			it.sportello.core.office.OfficeProfiles profiles = context.getBean(it.sportello.core.office.OfficeProfiles.class);
			it.sportello.core.office.OfficeProfile profile = profiles.getRequired();
			profile.releaseSlots(14, LocalTime.of(14, 0));
			profiles.save(profile);
		});

		generate(day, day);

		Instant opens = day.minusDays(14).atTime(14, 0).atZone(ZoneId.of("Europe/Rome")).toInstant();
		assertThat(jdbc.queryForList("select distinct released_at from " + genova.tenant().schema() + ".slot",
				Timestamp.class)).extracting(Timestamp::toInstant).containsExactly(opens);
		Availability availability = context.getBean(Availability.class);
		assertThat(TenantContext.callAs(genova.tenant(),
				() -> availability.freeDays(genova.application(), java.time.YearMonth.from(day)))).doesNotContain(day);
		assertThat(TenantContext.callAs(genova.tenant(),
				() -> availability.openingLater(genova.application(), java.time.YearMonth.from(day)))).containsEntry(day, opens);

		TenantContext.runAs(genova.tenant(), () -> {
			it.sportello.core.office.OfficeProfiles profiles = context.getBean(it.sportello.core.office.OfficeProfiles.class);
			it.sportello.core.office.OfficeProfile profile = profiles.getRequired();
			profile.releaseSlots(30, LocalTime.of(9, 0));
			profiles.save(profile);
			generator.rescheduleReleases();
		});
		assertThat(TenantContext.callAs(genova.tenant(),
				() -> availability.freeDays(genova.application(), java.time.YearMonth.from(day)))).contains(day);
	}

	private List<Instant> starts(LocalDate day) {
		return starts(genova, day);
	}

	private List<Instant> starts(Agenda agenda, LocalDate day) {
		return jdbc.queryForList("select starts_at from " + agenda.tenant().schema() + ".slot where (starts_at at time zone"
				+ " 'Europe/Rome')::date = ? order by starts_at", Timestamp.class, day)
			.stream()
			.map(Timestamp::toInstant)
			.toList();
	}

	private List<Long> slotIds(LocalDate day) {
		return jdbc.queryForList("select id from " + genova.tenant().schema() + ".slot where (starts_at at time zone"
				+ " 'Europe/Rome')::date = ? order by starts_at", Long.class, day);
	}
}
