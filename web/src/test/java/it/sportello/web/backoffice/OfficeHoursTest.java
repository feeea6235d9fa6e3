package it.sportello.web.backoffice;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.Role;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.calendar.ItalianHolidays;
import it.sportello.core.slot.Availability;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The weekly hours of a service line as its admin sees and changes them: the form shows what is in force, and a change
 * applies whole (hours, public page and bookable slots together) or not at all, never losing a booking.
 */
@WebTest
class OfficeHoursTest {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BookingService bookings;

	@Autowired
	BookingQueries queries;

	@Autowired
	Availability availability;

	Agenda agenda;

	String slug;

	MockHttpSession admin;

	@BeforeEach
	void aQuesturaAndItsAdmin() throws Exception {
		agenda = new AgendaFixtures(context).newQuestura("orari");
		slug = agenda.tenant().id().slug();
		Citizens accounts = new Citizens(context);
		admin = accounts.signIn(mvc, accounts.staff("Marta", Role.QUESTURA_ADMIN, slug));
	}

	@Test
	void theFormShowsTheHoursInForce() throws Exception {
		saveHours(Map.of(DayOfWeek.MONDAY, "09:00-11:00/15x2", DayOfWeek.WEDNESDAY, "14:00-16:00/30x1"))
			.andExpect(status().is3xxRedirection());

		String form = hoursForm();

		assertThat(valueOf(form, DayOfWeek.MONDAY, "opens")).isEqualTo("09:00");
		assertThat(valueOf(form, DayOfWeek.MONDAY, "closes")).isEqualTo("11:00");
		assertThat(valueOf(form, DayOfWeek.MONDAY, "slotMinutes")).isEqualTo("15");
		assertThat(valueOf(form, DayOfWeek.MONDAY, "counters")).isEqualTo("2");
		assertThat(valueOf(form, DayOfWeek.WEDNESDAY, "opens")).isEqualTo("14:00");
		assertThat(valueOf(form, DayOfWeek.WEDNESDAY, "slotMinutes")).isEqualTo("30");
		assertThat(valueOf(form, DayOfWeek.TUESDAY, "opens")).isEmpty();
		assertThat(valueOf(form, DayOfWeek.TUESDAY, "slotMinutes")).isEmpty();
	}

	@Test
	void aDayWithAMorningAndAnAfternoonShowsBothAndKeepsBoth() throws Exception {
		MockHttpServletRequestBuilder request = post("/q/{s}/admin/hours/{id}", slug, agenda.serviceLineId())
			.session(admin).with(csrf());
		row(request, 0, "TUESDAY", "08:30-12:30/20x3");
		row(request, 1, "TUESDAY", "14:30-16:30/30x1");
		row(request, 2, "", null);
		mvc.perform(request).andExpect(status().is3xxRedirection());

		String form = hoursForm();

		assertThat(form).contains("value=\"08:30\"").contains("value=\"14:30\"").contains("value=\"16:30\"");
		String office = mvc.perform(get("/q/{s}", slug)).andReturn().getResponse().getContentAsString();
		assertThat(office).contains("08:30–12:30").contains("14:30–16:30");
	}

	@Test
	void badHoursAreRefusedNextToTheirFieldAndChangeNothing() throws Exception {
		saveHours(Map.of(DayOfWeek.MONDAY, "09:00-10:00/15x2")).andExpect(status().is3xxRedirection());
		LocalDate monday = aPlainTuesday().plusDays(6);

		String refused = saveHours(Map.of(DayOfWeek.MONDAY, "11:00-10:00/15x2", DayOfWeek.FRIDAY, "09:00-10:00/0x2"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();

		assertThat(refused).contains("id=\"error-summary\"")
			.contains("lunedì: la chiusura deve venire dopo l&#39;apertura.")
			.contains("La durata di un appuntamento va da 5 a 240 minuti.")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"11:00\"");
		assertThat(valueOf(hoursForm(), DayOfWeek.MONDAY, "opens")).isEqualTo("09:00");
		assertThat(inAgenda(() -> availability.freeSlots(agenda.application(), monday))).hasSize(4);
	}

	@Test
	void aFormWithoutAnyRowChangesNothing() throws Exception {
		saveHours(Map.of(DayOfWeek.MONDAY, "09:00-10:00/15x2")).andExpect(status().is3xxRedirection());

		mvc.perform(post("/q/{s}/admin/hours/{id}", slug, agenda.serviceLineId()).session(admin).with(csrf()))
			.andExpect(status().isUnprocessableContent());

		assertThat(valueOf(hoursForm(), DayOfWeek.MONDAY, "opens")).isEqualTo("09:00");
	}

	@Test
	void keepingOnlyMondayKeepsEveryBookingAndTheOfficePageAgreesWithTheBookableSlots() throws Exception {
		// given: the desk open Monday to Friday, a booking on Tuesday and a cancelled one on Wednesday
		saveHours(Map.of(DayOfWeek.MONDAY, "09:00-11:00/20x1", DayOfWeek.TUESDAY, "09:00-11:00/20x1",
				DayOfWeek.WEDNESDAY, "09:00-11:00/20x1", DayOfWeek.THURSDAY, "09:00-11:00/20x1", DayOfWeek.FRIDAY,
				"09:00-11:00/20x1"))
			.andExpect(status().is3xxRedirection());
		LocalDate tuesday = aPlainTuesday();
		BookingReference kept = book(slotAt(tuesday, LocalTime.of(9, 20)));
		BookingReference cancelled = book(slotAt(tuesday.plusDays(1), LocalTime.of(9, 0)));
		inAgenda(() -> {
			bookings.cancel(cancelled, Channel.CITIZEN, "citizen", null);
			return null;
		});

		// when: the admin keeps only Monday
		saveHours(Map.of(DayOfWeek.MONDAY, "09:00-11:00/20x1")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "backoffice.hours.savedKept"))
			.andExpect(flash().attribute("doneArg", 1));

		// then: both bookings are still there, the kept one at its time, and listed for the admin
		BookingView stillBooked = view(kept);
		assertThat(stillBooked.status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(stillBooked.startsAt()).isEqualTo(tuesday.atTime(9, 20).atZone(ROME).toInstant());
		assertThat(view(cancelled).status()).isEqualTo(BookingStatus.CANCELLED);
		assertThat(hoursForm()).contains(kept.value()).doesNotContain(cancelled.value());
		// the office page shows Monday only, and only Mondays can be booked
		String office = mvc.perform(get("/q/{s}", slug)).andReturn().getResponse().getContentAsString();
		assertThat(office).contains("lunedì").doesNotContain("martedì").doesNotContain("venerdì");
		YearMonth month = YearMonth.from(tuesday);
		List<LocalDate> free = inAgenda(() -> availability.freeDays(agenda.application(), month));
		assertThat(free).allMatch(day -> day.getDayOfWeek() == DayOfWeek.MONDAY);
		assertThat(inAgenda(() -> availability.freeSlots(agenda.application(), tuesday))).isEmpty();
		assertThat(inAgenda(() -> availability.freeSlots(agenda.application(), tuesday.plusDays(6)))).hasSize(6);
	}

	@Test
	void whenTheSlotsCannotBeRebuiltTheHoursInForceStayAsTheyWere() throws Exception {
		saveHours(Map.of(DayOfWeek.MONDAY, "09:00-11:00/20x1", DayOfWeek.TUESDAY, "09:00-11:00/20x1"))
			.andExpect(status().is3xxRedirection());
		LocalDate tuesday = aPlainTuesday();
		String schema = agenda.tenant().schema();
		jdbc.execute("create function " + schema + ".refuse_slot() returns trigger language plpgsql as $$"
				+ " begin raise exception 'the disk is full'; end; $$");
		jdbc.execute("create trigger no_new_slot before insert on " + schema + ".slot for each row execute function "
				+ schema + ".refuse_slot()");

		try {
			saveHours(Map.of(DayOfWeek.MONDAY, "14:00-16:00/30x1"));
		}
		catch (Exception failed) {
			// the application's own fault: how it answers is not what this test is about
		}

		jdbc.execute("drop trigger no_new_slot on " + schema + ".slot");
		String form = hoursForm();
		assertThat(valueOf(form, DayOfWeek.MONDAY, "opens")).isEqualTo("09:00");
		assertThat(valueOf(form, DayOfWeek.TUESDAY, "opens")).isEqualTo("09:00");
		assertThat(inAgenda(() -> availability.freeSlots(agenda.application(), tuesday))).hasSize(6);
	}

	/**
	 * Posts the hours form of the service line as the page sends it: a row for each day, in order, with its times
	 * ("09:00-11:00/20x1": opens-closes/minutes x counters) or empty for a closed day, and the empty row to add one.
	 */
	private ResultActions saveHours(Map<DayOfWeek, String> week) throws Exception {
		MockHttpServletRequestBuilder request = post("/q/{s}/admin/hours/{id}", slug, agenda.serviceLineId()).session(admin)
			.with(csrf());
		int row = 0;
		for (DayOfWeek day : DayOfWeek.values()) {
			row(request, row++, day.name(), week.get(day));
		}
		row(request, row, "", null);
		return mvc.perform(request);
	}

	private static void row(MockHttpServletRequestBuilder request, int row, String day, String hours) {
		String[] parts = hours == null ? new String[] { "", "", "", "" } : hours.split("[-/x]");
		String at = "openings[" + row + "].";
		request.param(at + "day", day).param(at + "opens", parts[0]).param(at + "closes", parts[1])
			.param(at + "slotMinutes", parts[2]).param(at + "counters", parts[3]);
	}

	private String hoursForm() throws Exception {
		return mvc.perform(get("/q/{s}/admin/hours", slug).session(admin)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
	}

	/** The value an input of the (first) row of the day shows in the form. */
	private static String valueOf(String form, DayOfWeek day, String field) {
		Matcher row = Pattern.compile("name=\"openings\\[(\\d+)\\]\\.day\" value=\"" + day + "\"").matcher(form);
		assertThat(row.find()).as("a row for " + day).isTrue();
		Matcher value = Pattern.compile("name=\"openings\\[" + row.group(1) + "\\]\\." + field + "\" value=\"([^\"]*)\"")
			.matcher(form);
		assertThat(value.find()).as(field + " of " + day).isTrue();
		return value.group(1);
	}

	private long slotAt(LocalDate day, LocalTime time) {
		return jdbc.queryForObject("select id from " + agenda.tenant().schema() + ".slot where service_line_id = ?"
				+ " and starts_at = ?", Long.class, agenda.serviceLineId(),
				java.sql.Timestamp.from(day.atTime(time).atZone(ROME).toInstant()));
	}

	private BookingReference book(long slot) {
		return ((Booked) inAgenda(() -> bookings.book(aCitizenBooking(agenda, slot)
			.forPerson(new PersonDetails("Awa Diop", People.passport(), false))
			.byAccount(People.newAccount())
			.build()))).reference();
	}

	private BookingView view(BookingReference reference) {
		return inAgenda(() -> queries.find(reference)).orElseThrow();
	}

	private <T> T inAgenda(Supplier<T> work) {
		return TenantContext.callAs(agenda.tenant(), work);
	}

	/**
	 * A Tuesday two weeks ahead or later whose Wednesday and following Monday are working days too (no holiday, not
	 * the fixtures' patron day), so that the hours alone decide what can be booked.
	 */
	private static LocalDate aPlainTuesday() {
		LocalDate tuesday = LocalDate.now(ROME).plusWeeks(2).with(DayOfWeek.TUESDAY);
		while (!working(tuesday) || !working(tuesday.plusDays(1)) || !working(tuesday.plusDays(6))) {
			tuesday = tuesday.plusWeeks(1);
		}
		return tuesday;
	}

	private static boolean working(LocalDate day) {
		return !ItalianHolidays.isHoliday(day) && !MonthDay.from(day).equals(MonthDay.of(6, 24));
	}
}
