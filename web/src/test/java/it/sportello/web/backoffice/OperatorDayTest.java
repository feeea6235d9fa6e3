package it.sportello.web.backoffice;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Supplier;

import it.sportello.core.account.Role;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.message.Messages;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebTest
class OperatorDayTest {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingService bookings;

	@Autowired
	BookingQueries queries;

	@Autowired
	Messages messages;

	@Autowired
	AuditLog audit;

	AgendaFixtures fixtures;

	Agenda agenda;

	String slug;

	MockHttpSession operator;

	Instant tomorrowMorning;

	@BeforeEach
	void aQuesturaAndItsOperator() throws Exception {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("sportello");
		slug = agenda.tenant().id().slug();
		Citizens accounts = new Citizens(context);
		operator = accounts.signIn(mvc, accounts.staff("Anna Operatrice", Role.OPERATOR, slug));
		tomorrowMorning = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
	}

	@Test
	void theOperatorChecksInWithTheRightDocumentOnlyAndRecordsTheOutcome() throws Exception {
		PersonIdentity.Document passport = new PersonIdentity.Document(DocumentType.PASSPORT, "SN", "A7654321");
		BookingReference awa = bookStartingNow(passport);

		mvc.perform(get("/q/{slug}/admin/day", slug).session(operator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(awa.value())));

		checkIn(awa, "SN", "B0000000").andExpect(status().isConflict())
			.andExpect(content().string(containsString("Il documento non corrisponde alla prenotazione")));
		assertThat(statusOf(awa)).isEqualTo(BookingStatus.BOOKED);
		assertThat(inAgenda(() -> audit.forBooking(awa.value()))).extracting(e -> e.entry().action())
			.contains("CHECK_IN_REFUSED");

		checkIn(awa, "sn", "a765 4321").andExpect(redirectedUrl("/q/" + slug + "/admin/bookings/" + awa.value()));
		assertThat(statusOf(awa)).isEqualTo(BookingStatus.CHECKED_IN);
		mvc.perform(post("/q/{slug}/admin/bookings/{r}/served", slug, awa.value()).session(operator).with(csrf()));
		assertThat(statusOf(awa)).isEqualTo(BookingStatus.SERVED);
	}

	@Test
	void aDayNoOfficeHasShowsTodayInsteadOfFailing() throws Exception {
		for (String date : new String[] { "+999999999-12-31", "-999999999-01-01", "+300000-01-01", "2026-02-30", "oggi" }) {
			mvc.perform(get("/q/{slug}/admin/day", slug).session(operator).param("date", date))
				.andExpect(status().isOk());
		}
	}

	@Test
	void theCheckInFormAsksAboutThePersonAndOffersTheCountriesToChooseFrom() throws Exception {
		String page = mvc.perform(get("/q/{slug}/admin/day", slug).session(operator)).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("Documento presentato dalla persona").doesNotContain("Come ti identifichi");
		assertThat(page).containsPattern("<select[^>]* id=\"documentCountry\"")
			.contains("<option value=\"SN\">Senegal</option>");
	}

	@Test
	void aCheckInOnAnotherDayThanTheAppointmentsWarnsAndWaitsForConfirmation() throws Exception {
		PersonIdentity.Document passport = People.passport();
		BookingReference tomorrow = book(fixtures.slotAt(agenda, tomorrowMorning, 2), passport);

		checkIn(tomorrow, passport.country(), passport.number())
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("non per oggi. Accettare comunque la persona?")))
			.andExpect(content().string(containsString("id=\"confirm-other-day\"")));
		assertThat(statusOf(tomorrow)).isEqualTo(BookingStatus.BOOKED);

		mvc.perform(checkInRequest(tomorrow, passport.country(), passport.number()).param("anotherDay", "true"))
			.andExpect(redirectedUrl("/q/" + slug + "/admin/bookings/" + tomorrow.value()));
		assertThat(statusOf(tomorrow)).isEqualTo(BookingStatus.CHECKED_IN);
	}

	@Test
	void aRefusedCheckInStaysOnTheDayTheAgendaWasShowing() throws Exception {
		LocalDate shown = AgendaFixtures.workingDayAhead(9);
		BookingReference reference = book(fixtures.slotAt(agenda, at(shown, 9, 0), 2), People.passport());

		String page = mvc.perform(checkInRequest(reference, "SN", "B0000000").param("date", shown.toString()))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains(italianDate(shown)).contains(reference.value())
			.contains("name=\"date\" value=\"" + shown + "\"");
	}

	@Test
	void theAgendaLeadsToThePreviousAndTheNextDayOfTheSameLine() throws Exception {
		LocalDate shown = AgendaFixtures.workingDayAhead(9);

		String page = mvc.perform(get("/q/{slug}/admin/day", slug).session(operator).param("date", shown.toString())
				.param("line", String.valueOf(agenda.serviceLineId())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("href=\"/q/" + slug + "/admin/day?date=" + shown.minusDays(1) + "&amp;line="
				+ agenda.serviceLineId() + "\"")
			.contains("href=\"/q/" + slug + "/admin/day?date=" + shown.plusDays(1) + "&amp;line="
				+ agenda.serviceLineId() + "\"")
			.contains("Giorno precedente").contains("Giorno successivo");
	}

	@Test
	void noShowIsRefusedBeforeTheAppointmentStarts() throws Exception {
		BookingReference tomorrow = book(fixtures.slotAt(agenda, tomorrowMorning, 2), People.passport());

		assertThat(bookingPage(tomorrow)).doesNotContain("id=\"no-show\"");
		mvc.perform(get("/q/{slug}/admin/bookings/{r}/no-show", slug, tomorrow.value()).session(operator))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("non è ancora iniziato")));
		mvc.perform(post("/q/{slug}/admin/bookings/{r}/no-show", slug, tomorrow.value()).param("confirmed", "true")
				.session(operator).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("non è ancora iniziato")));

		assertThat(statusOf(tomorrow)).isEqualTo(BookingStatus.BOOKED);
	}

	@Test
	void aNoShowIsRecordedOnlyOnceConfirmedAndCanBeUndoneTheSameDay() throws Exception {
		BookingReference started = bookStartingNow(People.passport());
		String noShow = "/q/" + slug + "/admin/bookings/" + started.value() + "/no-show";

		mvc.perform(post(noShow).session(operator).with(csrf())).andExpect(redirectedUrl(noShow));
		assertThat(statusOf(started)).isEqualTo(BookingStatus.BOOKED);
		mvc.perform(get(noShow).session(operator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Nessuno si è presentato all&#39;appuntamento")));

		mvc.perform(post(noShow).param("confirmed", "true").session(operator).with(csrf()))
			.andExpect(redirectedUrl("/q/" + slug + "/admin/bookings/" + started.value()));
		assertThat(statusOf(started)).isEqualTo(BookingStatus.NO_SHOW);
		assertThat(bookingPage(started)).contains("id=\"undo-no-show\"");

		mvc.perform(post(noShow + "/undo").session(operator).with(csrf()))
			.andExpect(redirectedUrl("/q/" + slug + "/admin/bookings/" + started.value()));
		assertThat(statusOf(started)).isEqualTo(BookingStatus.BOOKED);
		assertThat(bookingPage(started)).contains("«Non presentato» annullato").contains("Anna Operatrice");
	}

	@Test
	void aNoShowRecordedFromTheAgendaReturnsToTheAgendasDay() throws Exception {
		BookingReference started = bookStartingNow(People.passport());
		LocalDate today = LocalDate.now(ROME);

		mvc.perform(post("/q/{slug}/admin/bookings/{r}/no-show", slug, started.value()).param("confirmed", "true")
				.param("date", today.toString()).session(operator).with(csrf()))
			.andExpect(redirectedUrl("/q/" + slug + "/admin/day?date=" + today));
	}

	@Test
	void theHistoryNamesWhoDidWhatInTheReadersLanguageAndLocalTime() throws Exception {
		LocalDate day = AgendaFixtures.workingDayAhead(9);
		long citizen = new Citizens(context).create("Mariam Diallo").accountId();
		BookingReference reference = ((Booked) inAgenda(() -> bookings.book(aCitizenBooking(agenda,
				fixtures.slotAt(agenda, at(day, 8, 30), 2))
			.forPerson(new PersonDetails("Awa Diop", People.passport(), false))
			.byAccount(citizen)
			.build()))).reference();
		mvc.perform(post("/q/{slug}/admin/bookings/{r}/message", slug, reference.value())
			.param("body", "Portare il contratto.").session(operator).with(csrf()));

		String italian = bookingPage(reference);
		String english = mvc.perform(get("/q/{slug}/admin/bookings/{r}", slug, reference.value()).param("lang", "en")
				.session(operator)).andReturn().getResponse().getContentAsString();

		assertThat(italian).contains(">Prenotazione</td>").contains(">Messaggio inviato</td>").contains("Mariam Diallo")
			.contains("Anna Operatrice").contains("Appuntamento: " + italianDate(day) + ", 08:30")
			.doesNotContain(">BOOKED<").doesNotContain("MESSAGE_SENT<").doesNotContain("account:")
			.doesNotContain("staff:").doesNotContain("+00");
		assertThat(english).contains(">Booking</td>").contains(">Message sent</td>")
			.contains("Appointment: " + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ENGLISH)
				.format(day) + ", 08:30");
	}

	@Test
	void eventsRecordedBeforeFactsWereKeptAreStillWordedForTheReader() throws Exception {
		LocalDate day = AgendaFixtures.workingDayAhead(9);
		BookingReference reference = book(fixtures.slotAt(agenda, at(day, 9, 0), 2), People.passport());
		// as the booking function and a move wrote them before: English, UTC, an unknown account
		Instant then = at(day, 8, 30);
		context.getBean(JdbcTemplate.class).update("insert into " + agenda.tenant().schema() + ".audit_event (actor,"
				+ " action, channel, booking_reference, detail) values ('account:999999', 'BOOKED', 'CITIZEN', ?, ?),"
				+ " ('staff:999998', 'MOVED', 'OFFICE', ?, ?)", reference.value(),
				"slot 1 at " + then.atZone(ZoneId.of("UTC")).toLocalDateTime().toString().replace('T', ' ') + ":00+00",
				reference.value(), then + " -> " + at(day, 9, 0) + ": Sportello chiuso");

		assertThat(bookingPage(reference)).contains("account n. 999999").contains("personale n. 999998")
			.contains("Appuntamento: " + italianDate(day) + ", 08:30")
			.contains("Da " + italianDate(day) + ", 08:30 a " + italianDate(day) + ", 09:00")
			.contains("Sportello chiuso").doesNotContain("slot 1 at");
	}

	@Test
	void theOperatorMessagesMovesAndCancelsForAnOfficeReason() throws Exception {
		BookingReference reference = book(fixtures.slotAt(agenda, tomorrowMorning, 2), People.passport());
		long later = fixtures.slotAt(agenda, tomorrowMorning.plus(2, ChronoUnit.DAYS), 2);

		mvc.perform(post("/q/{slug}/admin/bookings/{r}/message", slug, reference.value()).param("body",
				"Portare il contratto di lavoro.").session(operator).with(csrf()));
		mvc.perform(post("/q/{slug}/admin/bookings/{r}/move", slug, reference.value()).param("slotId", String.valueOf(later))
			.param("reason", "").session(operator).with(csrf()))
			.andExpect(redirectedUrl("/q/" + slug + "/admin/bookings/" + reference.value() + "/move"));
		mvc.perform(post("/q/{slug}/admin/bookings/{r}/move", slug, reference.value()).param("slotId", String.valueOf(later))
			.param("reason", "Sportello chiuso per formazione").session(operator).with(csrf()));

		BookingView moved = view(reference);
		assertThat(moved.slotId()).isEqualTo(later);
		assertThat(inAgenda(() -> messages.of(reference))).extracting(m -> m.body())
			.containsExactly("Portare il contratto di lavoro.");

		mvc.perform(post("/q/{slug}/admin/bookings/{r}/cancel", slug, reference.value())
			.param("reason", "Pratica già definita").session(operator).with(csrf()));
		assertThat(statusOf(reference)).isEqualTo(BookingStatus.CANCELLED);
		assertThat(inAgenda(() -> audit.forBooking(reference.value()))).extracting(e -> e.entry().detail())
			.contains("Pratica già definita");
	}

	@Test
	void afterServingAnApplicationTheOperatorConvokesThePersonToPickUp() throws Exception {
		PersonIdentity.Document passport = People.passport();
		BookingReference application = bookStartingNow(passport);
		inAgenda(() -> {
			context.getBean(it.sportello.core.booking.CheckIn.class).checkIn(application, passport, "staff:test");
			context.getBean(it.sportello.core.booking.CheckIn.class).served(application, "staff:test");
			return null;
		});
		long pickUpSlot = fixtures.slot(agenda, 3);

		mvc.perform(get("/q/{slug}/admin/bookings/{r}/convoke", slug, application.value())
				.param("practice", String.valueOf(agenda.pickUp())).session(operator))
			.andExpect(status().isOk());
		String location = mvc.perform(post("/q/{slug}/admin/bookings/{r}/convoke", slug, application.value())
				.param("practice", String.valueOf(agenda.pickUp())).param("slotId", String.valueOf(pickUpSlot))
				.session(operator).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();

		BookingView convocation = view(new BookingReference(location.substring(location.lastIndexOf('/') + 1)));
		assertThat(convocation.channel()).isEqualTo(Channel.OFFICE);
		assertThat(convocation.practiceId()).isEqualTo(agenda.pickUp());
		assertThat(convocation.persons()).extracting(p -> p.fullName()).containsExactly("Awa Diop");
		assertThat(context.getBean(BookingQueries.class).hasActiveBooking(
				context.getBean(it.sportello.core.person.PersonKeys.class).of(passport))).isTrue();
	}

	@Test
	void operatorsHaveNoWayToBookAndTheServerRefuses() throws Exception {
		String day = mvc.perform(get("/q/{slug}/admin/day", slug).session(operator)).andReturn().getResponse()
			.getContentAsString();

		assertThat(day).doesNotContain("/book");
		assertThat(mvc.perform(get("/me").session(operator)).andReturn().getResponse().getContentAsString())
			.contains("href=\"/q/" + slug + "/admin\"");
		mvc.perform(get("/q/{slug}/book", slug).session(operator)).andExpect(status().isForbidden());
		mvc.perform(post("/q/{slug}/book/{p}/confirm", slug, agenda.application()).session(operator).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffOfOneQuesturaSeeNothingOfAnother() throws Exception {
		Agenda other = fixtures.newQuestura("altra");
		BookingReference elsewhere = bookIn(other, fixtures.slot(other, 1), People.passport());

		mvc.perform(get("/q/{slug}/admin/day", other.tenant().id().slug()).session(operator))
			.andExpect(status().isForbidden());
		mvc.perform(get("/q/{slug}/admin/bookings/{r}", slug, elsewhere.value()).session(operator))
			.andExpect(status().isNotFound());
		mvc.perform(post("/q/{slug}/admin/bookings/{r}/no-show", slug, elsewhere.value()).session(operator).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(TenantContext.callAs(other.tenant(), () -> queries.find(elsewhere)).orElseThrow().status())
			.isEqualTo(BookingStatus.BOOKED);
	}

	@Test
	void operatorsDoNotOpenTheAdminsPages() throws Exception {
		mvc.perform(get("/q/{slug}/admin/import", slug).session(operator)).andExpect(status().isForbidden());
		mvc.perform(get("/q/{slug}/admin/ready-list", slug).session(operator)).andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.ResultActions checkIn(BookingReference reference, String country,
			String number) throws Exception {
		return mvc.perform(checkInRequest(reference, country, number));
	}

	private MockHttpServletRequestBuilder checkInRequest(BookingReference reference, String country, String number) {
		return post("/q/{slug}/admin/check-in", slug).session(operator).with(csrf())
			.param("reference", reference.toString().toLowerCase())
			.param("idKind", "DOC")
			.param("documentType", "PASSPORT")
			.param("documentCountry", country)
			.param("documentNumber", number);
	}

	/** A booking made while its slot lay ahead, whose appointment has now started: the counter's day. */
	private BookingReference bookStartingNow(PersonIdentity identity) {
		long slot = fixtures.slot(agenda, 2);
		BookingReference reference = book(slot, identity);
		fixtures.startNow(agenda, slot);
		return reference;
	}

	private String bookingPage(BookingReference reference) throws Exception {
		return mvc.perform(get("/q/{slug}/admin/bookings/{r}", slug, reference.value()).session(operator))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(ROME).toInstant();
	}

	private static String italianDate(LocalDate day) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.ITALIAN).format(day);
	}

	private BookingReference book(long slot, PersonIdentity identity) {
		return bookIn(agenda, slot, identity);
	}

	private BookingReference bookIn(Agenda where, long slot, PersonIdentity identity) {
		return ((Booked) TenantContext.callAs(where.tenant(), () -> bookings.book(aCitizenBooking(where, slot)
			.forPerson(new PersonDetails("Awa Diop", identity, false))
			.byAccount(People.newAccount())
			.build()))).reference();
	}

	private BookingStatus statusOf(BookingReference reference) {
		return view(reference).status();
	}

	private BookingView view(BookingReference reference) {
		return inAgenda(() -> queries.find(reference)).orElseThrow();
	}

	private <T> T inAgenda(Supplier<T> work) {
		return TenantContext.callAs(agenda.tenant(), work);
	}
}
