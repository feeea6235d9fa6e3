package it.sportello.web.backoffice;

import static it.sportello.core.testsupport.BookingRequests.aCitizenBooking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.booking.BookingOutcome.Booked;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.CheckIn;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.mail.DevMailbox;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.People;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class OfficeAdminTest {

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

	AgendaFixtures fixtures;

	Agenda agenda;

	String slug;

	Citizen adminAccount;

	MockHttpSession admin;

	@BeforeEach
	void aQuesturaAndItsAdmin() throws Exception {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("gestione");
		slug = agenda.tenant().id().slug();
		Citizens accounts = new Citizens(context);
		adminAccount = accounts.staff("Marta", Role.QUESTURA_ADMIN, slug);
		admin = accounts.signIn(mvc, adminAccount);
	}

	@Test
	void theAdminSetsContactsANoticeThePatronDayAndTheRelease() throws Exception {
		mvc.perform(post("/q/{s}/admin/settings", slug).session(admin).with(csrf()).param("phone", "010 5366111")
			.param("patronDay", "24/6").param("noticeIt", "Chiuso il 31 dicembre.").param("noticeEn", "Closed on 31 December.")
			.param("releaseDaysAhead", "14").param("releaseTime", "14:00"));

		mvc.perform(get("/q/{s}", slug).param("lang", "en"))
			.andExpect(content().string(containsString("Closed on 31 December.")))
			.andExpect(content().string(containsString("010 5366111")));
		mvc.perform(post("/q/{s}/admin/settings", slug).session(admin).with(csrf()).param("patronDay", "31/2")
			.param("releaseDaysAhead", "14").param("releaseTime", "14:00"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("giorno/mese")));
	}

	@Test
	void theSettingsFormShowsTheSavedValuesUnderLabelsThatStayAboveThem() throws Exception {
		mvc.perform(post("/q/{s}/admin/settings", slug).session(admin).with(csrf()).param("phone", "011 5588111")
			.param("email", "urp@example.it").param("patronDay", "24/6").param("noticeIt", "Chiuso il 31 dicembre.")
			.param("releaseDaysAhead", "10").param("releaseTime", "08:00").param("drawWindowSeconds", "60")
			.param("associationSharePercent", "30")).andExpect(status().is3xxRedirection());

		String page = mvc.perform(get("/q/{s}/admin/settings", slug).session(admin)).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).containsPattern("<input[^>]*id=\"phone\"[^>]*value=\"011 5588111\"")
			.containsPattern("<input[^>]*id=\"releaseDaysAhead\"[^>]*value=\"10\"")
			.containsPattern("<input[^>]*id=\"releaseTime\"[^>]*value=\"08:00\"")
			.containsPattern("(?s)<textarea[^>]*id=\"noticeIt\"[^>]*>Chiuso il 31 dicembre.</textarea>");
		// Bootstrap Italia draws a label that is not "active" over its field, on top of the value
		assertThat(Pattern.compile("<label[^>]*>").matcher(formOf(page, "settings")).results().map(r -> r.group()))
			.isNotEmpty()
			.allMatch(label -> label.contains("class=\"active\""), "every label of the settings form is active");
	}

	@Test
	void aPhoneNumberTypedWithSpacesIsShownAsTypedAndDialledWithoutThem() throws Exception {
		mvc.perform(post("/q/{s}/admin/settings", slug).session(admin).with(csrf()).param("phone", "011 5588111")
			.param("patronDay", "24/6").param("releaseDaysAhead", "14").param("releaseTime", "14:00"))
			.andExpect(status().is3xxRedirection());

		String office = mvc.perform(get("/q/{s}", slug)).andReturn().getResponse().getContentAsString();

		assertThat(office).contains("href=\"tel:+390115588111\"").contains(">011 5588111</a>")
			.doesNotContainPattern("href=\"tel:[^\"]*\\s");
	}

	@Test
	void theClosuresPageListsTheClosuresInForceWithTheirScopeAndReason() throws Exception {
		LocalDate day = AgendaFixtures.workingDayAhead(20);
		LocalDate later = AgendaFixtures.workingDayAhead(27);
		mvc.perform(post("/q/{s}/admin/closures", slug).session(admin).with(csrf()).param("day", day.toString())
			.param("kind", "close").param("reason", "Sciopero generale")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/q/{s}/admin/closures", slug).session(admin).with(csrf()).param("day", later.toString())
			.param("line", String.valueOf(agenda.serviceLineId())).param("kind", "reduce").param("counters", "1")
			.param("reason", "Formazione del personale")).andExpect(status().is3xxRedirection());

		String list = section(mvc.perform(get("/q/{s}/admin/closures", slug).session(admin)).andReturn().getResponse()
			.getContentAsString(), "in-force");

		assertThat(list).contains(italian(day)).contains("Tutto l&#39;ufficio").contains("Giorno chiuso")
			.contains("Sciopero generale");
		assertThat(list).contains(italian(later)).contains("Sede MAIN – Permessi").contains("Sportelli aperti: 1")
			.contains("Formazione del personale");
		mvc.perform(post("/q/{s}/admin/closures/preview", slug).session(admin).with(csrf()).param("day", day.toString())
			.param("kind", "close").param("reason", "Di nuovo"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("già chiuso")));
	}

	@Test
	void thePreviewRestatesTheDayTheScopeWhatChangesAndTheReason() throws Exception {
		LocalDate day = AgendaFixtures.workingDayAhead(21);

		String preview = section(mvc.perform(post("/q/{s}/admin/closures/preview", slug).session(admin).with(csrf())
			.param("day", day.toString()).param("line", String.valueOf(agenda.serviceLineId())).param("kind", "reduce")
			.param("counters", "2").param("reason", "Assemblea sindacale")).andReturn().getResponse()
			.getContentAsString(), "preview");

		assertThat(preview).contains(italian(day)).contains("Sede MAIN – Permessi").contains("Sportelli aperti: 2")
			.contains("Assemblea sindacale");
		assertThat(inAgenda(() -> context.getBean(it.sportello.core.calendar.OfficeCalendar.class).changesFrom(day)))
			.isEmpty();
	}

	@Test
	void theAdminLetsOnlyTheAssociationsOfItsProtocolBookHere() throws Exception {
		long chosen = fixtures.association(5);
		long other = fixtures.association(5);

		mvc.perform(post("/q/{s}/admin/settings/associations", slug).session(admin).with(csrf())
			.param("restricted", "true").param("allowed", String.valueOf(chosen)));

		assertThat(mvc.perform(get("/q/{s}/admin/settings", slug).session(admin)).andReturn().getResponse()
			.getContentAsString()).contains("id=\"allowed-" + chosen + "\" value=\"" + chosen + "\" checked");
		TenantContext.runAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, fixtures.slot(agenda, 3))
			.forPerson(People.anyone()).byAssociation(chosen).build()));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantContext.runAs(agenda.tenant(),
				() -> bookings.book(aCitizenBooking(agenda, fixtures.slot(agenda, 3)).forPerson(People.anyone())
					.byAssociation(other).build())))
			.hasMessage("ASSOCIATION_NOT_ALLOWED_HERE");
	}

	@Test
	void theAbuseReportOpensForTheAdmin() throws Exception {
		mvc.perform(get("/q/{s}/admin/abuse", slug).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Annulla e riprenota entro un&#39;ora")));
	}

	@Test
	void theAdminDisablesEditsAndAddsPractices() throws Exception {
		mvc.perform(post("/q/{s}/admin/catalogue/{id}/active", slug, agenda.application()).param("active", "false")
			.session(admin).with(csrf()));
		mvc.perform(post("/q/{s}/admin/catalogue/{id}", slug, agenda.pickUp()).session(admin).with(csrf())
			.param("name_it", "Ritiro del permesso elettronico").param("duration", "10")
			.param("serviceLine", String.valueOf(agenda.serviceLineId())).param("bookableBy", "CITIZENS")
			.param("documents", "Ricevuta della domanda\nPassaporto"));
		mvc.perform(post("/q/{s}/admin/catalogue/new", slug).session(admin).with(csrf()).param("code", "APOLIDIA")
			.param("kind", "APPLICATION").param("name_it", "Riconoscimento dello status di apolide").param("duration", "30")
			.param("serviceLine", String.valueOf(agenda.serviceLineId())).param("bookableBy", "BOTH")
			.param("documents", "Documentazione"));
		mvc.perform(post("/q/{s}/admin/catalogue/new", slug).session(admin).with(csrf()).param("code", "APOLIDIA")
			.param("kind", "APPLICATION").param("name_it", "Doppione").param("duration", "30")
			.param("serviceLine", String.valueOf(agenda.serviceLineId())).param("bookableBy", "BOTH"))
			.andExpect(status().isUnprocessableContent());

		String office = mvc.perform(get("/q/{s}", slug)).andReturn().getResponse().getContentAsString();
		assertThat(office).doesNotContain("Pratica RILASCIO").contains("Ritiro del permesso elettronico")
			.contains("Ricevuta della domanda").contains("Riconoscimento dello status di apolide");
	}

	@Test
	void closingADayShowsTheBookingsItHitsThenMovesThemWithTheReason() throws Exception {
		Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		LocalDate day = at.atZone(ROME).toLocalDate();
		BookingReference hit = book(fixtures.slotAt(agenda, at, 2), People.passport());
		fixtures.slotAt(agenda, at.plus(2, ChronoUnit.DAYS), 2);

		mvc.perform(post("/q/{s}/admin/closures/preview", slug).session(admin).with(csrf()).param("day", day.toString())
				.param("kind", "close").param("reason", "Sciopero"))
			.andExpect(content().string(containsString(hit.value())));
		assertThat(view(hit).attention()).isNull();
		mvc.perform(post("/q/{s}/admin/closures", slug).session(admin).with(csrf()).param("day", day.toString())
			.param("kind", "close").param("reason", "Sciopero").param("then", "move"));

		assertThat(view(hit).startsAt()).isAfter(at.plus(1, ChronoUnit.DAYS));
		assertThat(view(hit).status()).isEqualTo(BookingStatus.BOOKED);
		mvc.perform(post("/q/{s}/admin/closures/preview", slug).session(admin).with(csrf()).param("day", "ieri")
			.param("reason", "x")).andExpect(status().isUnprocessableContent());
	}

	@Test
	void theAdminInvitesAnOperatorAndRevokesThemButNotThemselves() throws Exception {
		String email = "nuovo.operatore." + System.nanoTime() % 100_000 + "@example.it";
		mvc.perform(post("/q/{s}/admin/staff", slug).session(admin).with(csrf()).param("email", email)
			.param("role", "OPERATOR"));

		assertThat(context.getBean(DevMailbox.class).latest(20)).anyMatch(k -> k.mail().to().equals(email));
		Memberships memberships = context.getBean(Memberships.class);
		long operatorMembership = memberships.findByTenantSlug(slug).stream()
			.filter(m -> m.getRole() == Role.OPERATOR).findFirst().orElseThrow().getId();
		long ownMembership = memberships.findByTenantSlug(slug).stream()
			.filter(m -> m.getAccountId() == adminAccount.accountId()).findFirst().orElseThrow().getId();
		mvc.perform(post("/q/{s}/admin/staff/{id}/revoke", slug, ownMembership).session(admin).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/q/{s}/admin/staff/{id}/revoke", slug, operatorMembership).session(admin).with(csrf()));

		assertThat(memberships.findByTenantSlug(slug)).extracting(m -> m.getRole()).containsExactly(Role.QUESTURA_ADMIN);
	}

	@Test
	void theAuditViewFiltersByBookingPersonAndStaff() throws Exception {
		PersonIdentity.Document passport = People.passport();
		BookingReference mine = book(fixtures.slot(agenda, 2), passport);
		long otherSlot = fixtures.slot(agenda, 2);
		BookingReference other = book(otherSlot, People.passport());
		fixtures.startNow(agenda, otherSlot);
		inAgenda(() -> {
			context.getBean(CheckIn.class).noShow(other, "staff:99");
			return null;
		});

		assertThat(audit("reference", mine.value())).contains(mine.value()).doesNotContain(other.value());
		assertThat(mvc.perform(get("/q/{s}/admin/audit", slug).session(admin).param("documentCountry", passport.country())
			.param("documentNumber", passport.number())).andReturn().getResponse().getContentAsString())
			.contains(mine.value()).doesNotContain(other.value());
		assertThat(audit("actor", "staff:99")).contains("NO_SHOW").doesNotContain(mine.value());
	}

	@Test
	void whoLookedAtWhoseBookingIsInTheAuditLog() throws Exception {
		PersonIdentity.Document passport = People.passport();
		BookingReference looked = book(fixtures.slot(agenda, 2), passport);
		String staff = "staff:" + adminAccount.accountId();

		mvc.perform(get("/q/{s}/admin/bookings/{r}", slug, looked.value()).session(admin)).andExpect(status().isOk());
		mvc.perform(get("/q/{s}/admin/audit", slug).session(admin).param("documentCountry", passport.country())
			.param("documentNumber", passport.number()));
		mvc.perform(get("/q/{s}/admin/reports/export.csv", slug).session(admin));

		List<AuditLog.RecordedEvent> views = inAgenda(() -> context.getBean(AuditLog.class)
			.search(null, null, staff, null, null)
			.stream()
			.filter(e -> e.entry().action().equals("VIEWED"))
			.toList());
		assertThat(views).extracting(e -> e.entry().detail() + " " + e.entry().bookingReference())
			.anyMatch(v -> v.equals("booking page " + looked.value()))
			.anyMatch(v -> v.startsWith("audit search"))
			.anyMatch(v -> v.startsWith("reports export"));
		assertThat(audit("reference", looked.value())).contains("VIEWED").contains(staff);
	}

	@Test
	void reportsCountCapacityNoShowsAndChannelsAndExportCsv() throws Exception {
		Instant at = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		long slot = fixtures.slotAt(agenda, at, 4);
		BookingReference absent = book(slot, People.passport());
		book(slot, People.passport());
		fixtures.startNow(agenda, slot);
		LocalDate day = LocalDate.now(ROME);
		inAgenda(() -> {
			context.getBean(CheckIn.class).noShow(absent, "staff:1");
			return null;
		});

		String csv = mvc.perform(get("/q/{s}/admin/reports/export.csv", slug).session(admin).param("from", day.toString())
				.param("to", day.toString()))
			.andReturn().getResponse().getContentAsString();

		assertThat(csv.lines()).containsExactly(
				"period_start,capacity,booked,used_percent,served,no_show,no_show_percent,citizen,association,office",
				day + ",4,2,50,0,1,100,2,0,0");
		mvc.perform(get("/q/{s}/admin/reports", slug).session(admin).param("from", day.toString()).param("to", day.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("50%")))
			.andExpect(content().string(containsString("/dist/chart.umd-")));
	}

	/** The form of the page with the id. */
	private static String formOf(String page, String id) {
		Matcher form = Pattern.compile("(?s)<form[^>]*id=\"" + id + "\".*?</form>").matcher(page);
		assertThat(form.find()).as("form #" + id).isTrue();
		return form.group();
	}

	/** The section of the page with the id. */
	private static String section(String page, String id) {
		Matcher section = Pattern.compile("(?s)<section[^>]*id=\"" + id + "\".*?</section>").matcher(page);
		assertThat(section.find()).as("section #" + id).isTrue();
		return section.group();
	}

	/** A day as the Italian pages write it. */
	private String italian(LocalDate day) {
		return context.getBean(it.sportello.web.i18n.DisplayFormats.class).date(day, java.util.Locale.ITALIAN);
	}

	private String audit(String filter, String value) throws Exception {
		return mvc.perform(get("/q/{s}/admin/audit", slug).session(admin).param(filter, value)).andReturn().getResponse()
			.getContentAsString();
	}

	private int slotsOn(LocalDate day) {
		return jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".slot where starts_at >= ?"
				+ " and starts_at < ?", Integer.class, java.sql.Timestamp.from(day.atStartOfDay(ROME).toInstant()),
				java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(ROME).toInstant()));
	}

	private BookingReference book(long slot, PersonIdentity identity) {
		return ((Booked) TenantContext.callAs(agenda.tenant(), () -> bookings.book(aCitizenBooking(agenda, slot)
			.forPerson(new PersonDetails("Persona", identity, false))
			.byAccount(People.newAccount())
			.build()))).reference();
	}

	private it.sportello.core.booking.BookingView view(BookingReference reference) {
		return inAgenda(() -> queries.find(reference)).orElseThrow();
	}

	private <T> T inAgenda(Supplier<T> work) {
		return TenantContext.callAs(agenda.tenant(), work);
	}
}
