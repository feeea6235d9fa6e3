package it.sportello.web.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.message.Messages;
import it.sportello.core.pickup.ReadyForPickup;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.QrCodes;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebTest
class JourneyTest {

	static final String PASSPORT_HOLDER = "Awa Diop";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingQueries queries;

	@Autowired
	Messages messages;

	@Autowired
	ReadyForPickup readyList;

	AgendaFixtures fixtures;

	Agenda agenda;

	String slug;

	Citizens citizens;

	@BeforeEach
	void aQuesturaWithFreeSlots() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("percorso");
		slug = agenda.tenant().id().slug();
		citizens = new Citizens(context);
	}

	@Test
	void aCitizenBooksStepByStepAndGetsAReceiptWithQrCodePdfAndCalendarEntry() throws Exception {
		long slot = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(20)), 2);
		Citizen awa = citizens.create(PASSPORT_HOLDER);
		MockHttpSession session = citizens.signIn(mvc, awa);

		mvc.perform(get("/q/{slug}/book", slug).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Pratica RILASCIO")));
		giveDetails(session, agenda.application(), Map.of()).andExpect(
				redirectedUrl("/q/" + slug + "/book/" + agenda.application() + "/when"));
		LocalDate day = dayOf(slot);
		String calendar = mvc
			.perform(get("/q/{slug}/book/{p}/when", slug, agenda.application()).session(session)
				.param("month", day.toString().substring(0, 7))
				.param("day", day.toString()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(calendar).contains("name=\"slotId\"").contains("value=\"" + slot + "\"");
		choose(session, slot).andExpect(redirectedUrl("/q/" + slug + "/book/" + agenda.application() + "/confirm"));
		mvc.perform(get("/q/{slug}/book/{p}/confirm", slug, agenda.application()).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Via Roma 1, 16100 Genova")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"d-block small document\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Senegal")));
		confirm(session).andExpect(redirectedUrl("/q/" + slug + "/book/done"));

		BookingReference reference = queries.activeBookingOfAccount(awa.accountId()).orElseThrow().reference();
		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(1);
		assertThat(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
				"select address from platform.request_origin where booking_reference = ?", String.class, reference.value()))
			.isEqualTo("127.0.0.1");
		assertThat(mvc.perform(get("/q/{slug}/book/done", slug).session(session)).andReturn().getResponse()
			.getContentAsString()).contains(reference.value()).contains("Passaporto");

		byte[] qr = mvc.perform(get("/me/booking/qr.png").session(session))
			.andExpect(header().string("Content-Type", "image/png"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(decodeQr(qr)).isEqualTo(reference.value());

		byte[] pdf = mvc.perform(get("/me/booking/receipt.pdf").session(session))
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		String pdfText = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
		assertThat(pdfText).contains(reference.value()).contains("Via Roma 1, 16100 Genova").contains("Passaporto")
			.contains("Ricevuta di prenotazione");

		String ics = mvc.perform(get("/me/booking/appointment.ics").session(session))
			.andExpect(header().string("Content-Type", "text/calendar;charset=UTF-8"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(ics).contains("BEGIN:VEVENT").contains("DTSTART:" + icsTime(slot)).contains(reference.value())
			.contains("LOCATION:Via Roma 1\\, 16100 Genova");

		assertThat(mvc.perform(get("/me/booking/receipt").session(session)).andReturn().getResponse()
			.getContentAsString()).contains(reference.value()).contains("/me/booking/qr.png");
	}

	@Test
	void everyFieldIsCheckedOnTheServerWithAMessageInThePagesLanguage() throws Exception {
		MockHttpSession session = citizens.signIn(mvc, citizens.create("Omar"));

		String italian = giveDetails(session, agenda.application(), Map.of("idKind", "CF", "codiceFiscale",
				"RSSMRA85T10A562T", "birthDate", "2030-01-01", "privacy", "false", "email", "omar@"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(italian).contains("Il codice fiscale non è valido")
			.contains("Indicare una data di nascita valida")
			.contains("Per prenotare occorre accettare l&#39;informativa sulla privacy")
			.contains("Indicare un indirizzo e-mail valido")
			.contains("href=\"#codiceFiscale\"");

		String english = giveDetails(session, agenda.application(),
				Map.of("documentNumber", "!!", "lang", "en"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("lang=\"en\"").contains("The document number must have 4 to 20 letters or digits.");
		assertThat(fixtures.activeBookings(agenda, fixtures.slot(agenda, 1))).isZero();
	}

	@Test
	void theReceiptPdfCarriesEveryNameAsWrittenArabicAndLatin() throws Exception {
		long slot = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(20)), 2);
		MockHttpSession session = citizens.signIn(mvc, citizens.create("Fatima Zahra"));
		giveDetails(session, agenda.application(), Map.of("fullName", "فاطمة الزهراء", "nationality", "MA",
				"children[0].fullName", "Youssef Benali", "children[0].idKind", "DOC",
				"children[0].documentType", "PASSPORT", "children[0].documentCountry", "MA",
				"children[0].documentNumber", "MA" + System.nanoTime() % 1_000_000L, "children[0].nationality", "MA",
				"children[0].birthDate", LocalDate.now().minusYears(9).toString()));
		choose(session, slot);
		confirm(session);

		byte[] pdf = mvc.perform(get("/me/booking/receipt.pdf").session(session).param("lang", "ar"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();

		// the Arabic name is set in its shaped (presentation) forms, right to left; folded back, it reads as written
		String text = java.text.Normalizer.normalize(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1),
				java.text.Normalizer.Form.NFKC);
		assertThat(text).contains("Youssef Benali");
		assertThat(text.contains("فاطمة الزهراء") || text.contains(new StringBuilder("فاطمة الزهراء").reverse()))
			.as("the holder's Arabic name in: %s", text).isTrue();
	}

	@Test
	void aChildMustBeAMinorAndAnAdultMustNotBe() throws Exception {
		MockHttpSession session = citizens.signIn(mvc, citizens.create("Fatima"));

		String page = giveDetails(session, agenda.application(), Map.of("birthDate", LocalDate.now().minusYears(15)
			.toString(), "children[0].fullName", "Figlio Grande", "children[0].idKind", "DOC",
				"children[0].documentType", "PASSPORT", "children[0].documentCountry", "MA",
				"children[0].documentNumber", "MA998877", "children[0].nationality", "MA",
				"children[0].birthDate", "1990-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Chi prenota deve essere maggiorenne")
			.contains("Qui si aggiungono solo figli minori di 18 anni")
			.contains("href=\"#children0.birthDate\"")
			.contains("id=\"children0.birthDate\"");
	}

	@Test
	void anotherQuesturasSlotAPracticeCitizensDoNotBookAndAFullSlotBookNothing() throws Exception {
		Agenda other = fixtures.newQuestura("altrove");
		// slot ids are per Questura: the other's fifth slot has no namesake here, where only one slot exists
		long foreign = fixtures.slots(other, 5, 5).get(4);
		long full = fixtures.slot(agenda, 1);
		MockHttpSession session = citizens.signIn(mvc, citizens.create("Karim"));
		giveDetails(session, agenda.application(), Map.of());

		choose(session, foreign).andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Questo orario non si può prenotare")));
		mvc.perform(get("/q/{slug}/book/{p}", slug, agenda.associationsOnly()).session(session))
			.andExpect(status().isNotFound());
		giveDetails(session, agenda.associationsOnly(), Map.of()).andExpect(status().isNotFound());

		choose(session, full);
		book(full, citizens.create("Chi arriva prima"));
		confirm(session).andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("appena stato preso da altri")));

		assertThat(fixtures.activeBookings(other, foreign)).isZero();
		assertThat(fixtures.activeBookings(agenda, full)).isEqualTo(1);
	}

	@Test
	void anAccountThatHoldsABookingIsShownItAndOfferedToMoveIt() throws Exception {
		Citizen sara = citizens.create("Sara");
		BookingReference reference = book(fixtures.slot(agenda, 3), sara);

		String page = mvc.perform(get("/q/{slug}/book", slug).session(citizens.signIn(mvc, sara)))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Hai già un appuntamento").contains(reference.value()).contains("/me/booking/move");
	}

	@Test
	void aPersonBookedThroughAnotherAccountGetsANeutralMessageAndNothingOfThatBooking() throws Exception {
		Citizen first = citizens.create("Primo");
		BookingReference reference = book(fixtures.slot(agenda, 3), first);
		Citizen second = citizens.create("Secondo");
		MockHttpSession session = citizens.signIn(mvc, second);
		giveDetails(session, agenda.application(), Map.of("documentNumber", passportOf(first)));
		choose(session, fixtures.slot(agenda, 3));

		String page = confirm(session).andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Una delle persone indicate ha già un appuntamento attivo")
			.doesNotContain(reference.value());
	}

	@Test
	void theCitizenMovesThenCancelsAfterAConfirmationStep() throws Exception {
		long from = fixtures.slot(agenda, 2);
		long to = fixtures.slot(agenda, 2);
		Citizen luca = citizens.create("Luca");
		BookingReference reference = book(from, luca);
		MockHttpSession session = citizens.signIn(mvc, luca);

		mvc.perform(post("/me/booking/move").param("slotId", String.valueOf(to)).session(session).with(csrf()))
			.andExpect(redirectedUrl("/me"));
		assertThat(inAgenda(() -> queries.find(reference)).orElseThrow().slotId()).isEqualTo(to);

		mvc.perform(get("/me/booking/cancel").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sì, annulla l&#39;appuntamento")));
		assertThat(fixtures.activeBookings(agenda, to)).isEqualTo(1);
		mvc.perform(post("/me/booking/cancel").session(session).with(csrf())).andExpect(redirectedUrl("/me"));

		assertThat(fixtures.activeBookings(agenda, to)).isZero();
		assertThat(mvc.perform(get("/me").session(session)).andReturn().getResponse().getContentAsString())
			.contains("Non hai appuntamenti attivi");
		mvc.perform(get("/me/booking/receipt.pdf").session(session)).andExpect(status().isNotFound());
	}

	@Test
	void theOfficesMessagesShowWithAnUnreadCountAndAForgedMessageIdMarksNothing() throws Exception {
		Citizen nadia = citizens.create("Nadia");
		BookingReference reference = book(fixtures.slot(agenda, 1), nadia);
		Citizen other = citizens.create("Altro");
		BookingReference othersReference = book(fixtures.slot(agenda, 1), other);
		long mine = inAgenda(() -> messages.send(reference, "staff:anna", "Portare il contratto di lavoro.")).id();
		long others = inAgenda(() -> messages.send(othersReference, "staff:anna", "Per un altro.")).id();
		MockHttpSession session = citizens.signIn(mvc, nadia);

		String me = mvc.perform(get("/me").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(me).contains("Portare il contratto di lavoro.").contains("1 da leggere").doesNotContain("Per un altro.");
		assertThat(me).as("the header counts it on every page").contains("id=\"header-unread\"");
		assertThat(me.indexOf("id=\"messages\"")).as("the messages come first on /me").isLessThan(me.indexOf("id=\"my-booking\""));
		mvc.perform(post("/me/messages/{slug}/{id}/read", slug, others).session(session).with(csrf()));
		assertThat(inAgenda(() -> messages.unread(othersReference))).isEqualTo(1);

		// the booking is served (here: cancelled by the office): the message its mail points to stays on /me
		inAgenda(() -> {
			context.getBean(it.sportello.core.booking.BookingService.class).cancel(reference,
					it.sportello.core.booking.Channel.OFFICE, "staff:anna", "Servito");
			return null;
		});
		assertThat(mvc.perform(get("/me").session(session)).andReturn().getResponse().getContentAsString())
			.contains("Portare il contratto di lavoro.").contains(reference.value());
		mvc.perform(post("/me/messages/{slug}/{id}/read", slug, mine).session(session).with(csrf()))
			.andExpect(redirectedUrl("/me#messages"));
		assertThat(inAgenda(() -> messages.unread(reference))).isZero();
		assertThat(mvc.perform(get("/q/{slug}", slug).session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("id=\"header-unread\"");
	}

	@Test
	void aPickUpNeedsTheNumberOfAnApplicationOnTheReadyList() throws Exception {
		long slot = fixtures.slot(agenda, 2);
		TenantContext.runAs(agenda.tenant(), () -> readyList.add("GE-2026-0042", Optional.empty()));
		MockHttpSession session = citizens.signIn(mvc, citizens.create("Ritiro"));

		giveDetails(session, agenda.pickUp(), Map.of()).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Indicare il numero della pratica da ritirare")));
		giveDetails(session, agenda.pickUp(), Map.of("practiceNumber", "GE-2026-9999"));
		choose(session, agenda.pickUp(), slot);
		confirm(session, agenda.pickUp()).andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Il numero di pratica indicato non è")));
		assertThat(fixtures.activeBookings(agenda, slot)).isZero();

		giveDetails(session, agenda.pickUp(), Map.of("practiceNumber", "ge-2026-0042"));
		choose(session, agenda.pickUp(), slot);
		confirm(session, agenda.pickUp()).andExpect(redirectedUrl("/q/" + slug + "/book/done"));
		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(1);
	}

	@Test
	void aPastSlotIsRefused() throws Exception {
		long past = fixtures.slotAt(agenda, Instant.now().minus(Duration.ofHours(2)), 3);
		MockHttpSession session = citizens.signIn(mvc, citizens.create("Ritardo"));
		giveDetails(session, agenda.application(), Map.of());

		choose(session, past).andExpect(status().isConflict());

		assertThat(fixtures.activeBookings(agenda, past)).isZero();
	}

	@Test
	void textsTheOfficeWroteOnlyInItalianAreMarkedItalianOnAnEnglishPage() throws Exception {
		MockHttpSession session = citizens.signIn(mvc, citizens.create("Reader"));

		String page = mvc.perform(get("/q/{slug}/book", slug).param("lang", "en").session(session))
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("lang=\"en\"").contains("<span lang=\"it\">Pratica RILASCIO</span>")
			.contains("<span lang=\"it\">Passaporto</span>");
	}

	@Test
	void inTheFirstSecondsAfterAReleaseThePageSaysTheRequestIsInTheDrawAndMeShowsIt() throws Exception {
		long slot = fixtures.slot(agenda, 2);
		org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
		jdbc.update("update " + agenda.tenant().schema() + ".office_profile set release_days_ahead = 14,"
				+ " release_time = '14:00'");
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = now() - interval '5 seconds'"
				+ " where id = ?", slot);
		Citizen hana = citizens.create("Hana");
		MockHttpSession session = citizens.signIn(mvc, hana);
		giveDetails(session, agenda.application(), Map.of("documentNumber", passportOf(hana)));
		choose(session, slot);

		String page = confirm(session).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Non hai ancora un appuntamento").contains("estrazione");
		assertThat(fixtures.activeBookings(agenda, slot)).isZero();
		assertThat(mvc.perform(get("/me").session(session)).andReturn().getResponse().getContentAsString())
			.contains("richiesta registrata all&#39;apertura");
	}

	@Test
	void aBookingMadeLongAheadIsConfirmedFromMe() throws Exception {
		org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
		jdbc.update("update " + agenda.tenant().schema() + ".office_profile set release_days_ahead = 14,"
				+ " release_time = '14:00'");
		long slot = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(5)), 1);
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = now() - interval '10 days' where id = ?",
				slot);
		Citizen ida = citizens.create("Ida");
		BookingReference reference = book(slot, ida);
		jdbc.update("update " + agenda.tenant().schema() + ".booking set created_at = now() - interval '20 days'"
				+ " where reference = ?", reference.value());
		inAgenda(() -> context.getBean(it.sportello.core.booking.ConfirmOrRelease.class).run());
		MockHttpSession session = citizens.signIn(mvc, ida);

		assertThat(mvc.perform(get("/me").session(session)).andReturn().getResponse().getContentAsString())
			.contains("id=\"awaiting-confirmation\"");
		mvc.perform(get("/me/booking/confirm").session(session)).andExpect(status().isOk());
		mvc.perform(post("/me/booking/confirm").session(session).with(csrf())).andExpect(redirectedUrl("/me"));

		assertThat(mvc.perform(get("/me").session(session)).andReturn().getResponse().getContentAsString())
			.doesNotContain("id=\"awaiting-confirmation\"");
		assertThat(jdbc.queryForObject("select confirmed_at is not null from " + agenda.tenant().schema()
				+ ".booking where reference = ?", Boolean.class, reference.value())).isTrue();
	}

	/** Books the slot for the citizen through the pages; returns the reference. */
	BookingReference book(long slot, Citizen citizen) throws Exception {
		MockHttpSession session = citizens.signIn(mvc, citizen);
		giveDetails(session, agenda.application(), Map.of("documentNumber", passportOf(citizen)));
		choose(session, slot);
		confirm(session).andExpect(redirectedUrl("/q/" + slug + "/book/done"));
		return queries.activeBookingOfAccount(citizen.accountId()).orElseThrow().reference();
	}

	static String passportOf(Citizen citizen) {
		return "PA" + String.format("%08d", citizen.accountId());
	}

	ResultActions giveDetails(MockHttpSession session, long practice, Map<String, String> changes) throws Exception {
		MockHttpServletRequestBuilder request = post("/q/{slug}/book/{p}", slug, practice).session(session).with(csrf());
		Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("fullName", PASSPORT_HOLDER, "idKind", "DOC",
				"documentType", "PASSPORT", "documentCountry", "SN", "documentNumber", "A" + System.nanoTime() % 1_000_000_000L,
				"nationality", "SN", "birthDate", "1990-03-04", "email", "awa@example.it", "privacy", "true"));
		fields.putAll(changes);
		fields.forEach(request::param);
		return mvc.perform(request);
	}

	ResultActions choose(MockHttpSession session, long slot) throws Exception {
		return choose(session, agenda.application(), slot);
	}

	ResultActions choose(MockHttpSession session, long practice, long slot) throws Exception {
		return mvc.perform(post("/q/{slug}/book/{p}/when", slug, practice).session(session).with(csrf())
			.param("slotId", String.valueOf(slot)));
	}

	ResultActions confirm(MockHttpSession session) throws Exception {
		return confirm(session, agenda.application());
	}

	ResultActions confirm(MockHttpSession session, long practice) throws Exception {
		return mvc.perform(post("/q/{slug}/book/{p}/confirm", slug, practice).session(session).with(csrf()));
	}

	<T> T inAgenda(java.util.function.Supplier<T> work) {
		return TenantContext.callAs(agenda.tenant(), work);
	}

	LocalDate dayOf(long slot) {
		return startOf(slot).atZone(ZoneId.of("Europe/Rome")).toLocalDate();
	}

	Instant startOf(long slot) {
		return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
				"select starts_at from " + agenda.tenant().schema() + ".slot where id = ?", java.sql.Timestamp.class, slot)
			.toInstant();
	}

	String icsTime(long slot) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneId.of("UTC"))
			.format(startOf(slot));
	}

	static String decodeQr(byte[] png) throws Exception {
		return QrCodes.decode(png);
	}
}
