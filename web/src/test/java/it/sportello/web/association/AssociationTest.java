package it.sportello.web.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationStatus;
import it.sportello.core.association.Associations;
import it.sportello.core.association.Entitlement;
import it.sportello.core.association.TaxNumber;
import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingService;
import it.sportello.core.event.EventRelay;
import it.sportello.core.mail.DevMailbox;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.core.testsupport.BookingRequests;
import it.sportello.core.testsupport.People;
import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Associations without Stripe keys: sign-up, the platform admin's decision and plan by hand, booking for clients. */
@WebTest
class AssociationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Associations associations;

	AgendaFixtures fixtures;

	Agenda agenda;

	Citizens accounts;

	@BeforeEach
	void aQuestura() {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("patronato");
		accounts = new Citizens(context);
	}

	@Test
	void anAssociationSignsUpIsApprovedGetsAPlanByHandAndBooksForItsClients() throws Exception {
		Citizen founder = accounts.create("Giulia del Patronato");
		MockHttpSession session = accounts.signIn(mvc, founder);
		mvc.perform(post("/association/register").session(session).with(csrf()).param("name", "Patronato Esempio")
				.param("taxNumber", "12345678901").param("pec", "patronato@pec.example.it"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("partita IVA non è valido")));
		String taxNumber = validPartitaIva();
		mvc.perform(post("/association/register").session(session).with(csrf()).param("name", "Patronato Esempio")
				.param("taxNumber", taxNumber).param("pec", "patronato@pec.example.it"))
			.andExpect(redirectedUrl("/association"));
		Association registered = associations.all().stream().filter(a -> a.taxNumber().equals(taxNumber)).findFirst()
			.orElseThrow();
		assertThat(registered.status()).isEqualTo(AssociationStatus.PENDING);

		MockHttpSession platform = platformAdmin();
		mvc.perform(post("/admin/associations/{id}/reject", registered.id()).param("reason", "").session(platform).with(csrf()));
		mvc.perform(post("/admin/associations/{id}/approve", registered.id()).session(platform).with(csrf()));
		mvc.perform(post("/admin/associations/{id}/plan", registered.id()).param("plan", "BASE").session(platform).with(csrf()));
		Association approved = associations.find(registered.id()).orElseThrow();
		assertThat(approved.status()).isEqualTo(AssociationStatus.APPROVED);
		assertThat(approved.entitlement()).isEqualTo(Entitlement.ACTIVE);
		assertThat(approved.quota()).isEqualTo(20);
		mvc.perform(get("/association").session(session))
			.andExpect(content().string(containsString("0 prenotazioni attive su 20")))
			.andExpect(content().string(not(containsString("/association/checkout"))));
		mvc.perform(post("/association/checkout").param("plan", "BASE").session(session).with(csrf()))
			.andExpect(status().isNotFound());

		long slot = fixtures.slotAt(agenda, Instant.now().plus(9, ChronoUnit.DAYS), 2);
		String slug = agenda.tenant().id().slug();
		mvc.perform(get("/q/{s}/book", slug).session(session))
			.andExpect(content().string(containsString("Prenoti per un assistito di Patronato Esempio")))
			.andExpect(content().string(containsString("Pratica RINNOVO")));
		mvc.perform(post("/q/{s}/book/{p}", slug, agenda.associationsOnly()).session(session).with(csrf())
			.param("fullName", "Omar Ba").param("idKind", "DOC").param("documentType", "PASSPORT")
			.param("documentCountry", "SN").param("documentNumber", "OB123456").param("nationality", "SN")
			.param("birthDate", "1988-05-06").param("email", "omar.ba@example.org").param("language", "fr")
			.param("privacy", "true"));
		mvc.perform(post("/q/{s}/book/{p}/when", slug, agenda.associationsOnly()).param("slotId", String.valueOf(slot))
			.session(session).with(csrf()));
		mvc.perform(post("/q/{s}/book/{p}/confirm", slug, agenda.associationsOnly()).session(session).with(csrf()))
			.andExpect(redirectedUrlPattern("/association/bookings/" + slug + "/*/receipt"));

		assertThat(fixtures.associationBookings(registered.id())).isEqualTo(1);
		String list = mvc.perform(get("/association/bookings").session(session)).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains("Omar Ba").contains("1 prenotazioni attive su 20");
	}

	@Test
	void theApiBooksListsAndCancelsForClientsWithTheAssociationsKey() throws Exception {
		long association = fixtures.association(1);
		String key = context.getBean(ApiKeys.class).issue(ApiKeyScope.association(association), "Gestionale", null).key();
		long slot = fixtures.slotAt(agenda, Instant.now().plus(12, ChronoUnit.DAYS), 3);
		String slug = agenda.tenant().id().slug();
		String day = Instant.now().plus(12, ChronoUnit.DAYS).atZone(ZoneId.of("Europe/Rome")).toLocalDate().toString();

		mvc.perform(get("/api/v1/q/{s}/practices", slug)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'RINNOVO')].bookableBy").value("ASSOCIATIONS"));
		mvc.perform(get("/api/v1/q/{s}/practices/{p}/free-slots", slug, agenda.associationsOnly()).param("day", day))
			.andExpect(jsonPath("$[?(@.id == " + slot + ")].free").value(3));
		String created = mvc.perform(post("/api/v1/q/{s}/bookings", slug).header("X-Api-Key", key)
				.contentType(MediaType.APPLICATION_JSON).content(booking(agenda.associationsOnly(), slot, "AA1111111")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.client").value("Fatou Sow"))
			.andReturn().getResponse().getContentAsString();
		String reference = created.replaceAll(".*\"reference\":\"([0-9A-Z]{10})\".*", "$1");

		mvc.perform(post("/api/v1/q/{s}/bookings", slug).header("X-Api-Key", key).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content(booking(agenda.associationsOnly(), slot, "BB2222222")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("booking.refused.QUOTA_EXCEEDED"));
		mvc.perform(get("/api/v1/association/bookings").header("X-Api-Key", key))
			.andExpect(jsonPath("$[0].reference").value(reference));
		mvc.perform(post("/api/v1/q/{s}/bookings/{r}/cancel", slug, reference).header("X-Api-Key", key))
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		assertThat(fixtures.associationBookings(association)).isZero();

		context.getBean(EventRelay.class).publishPending();
		assertThat(context.getBean(DevMailbox.class).latest(50)).anyMatch(k -> k.mail().to().equals("fatou@example.org")
				&& k.mail().subject().startsWith("Appuntamento annullato"));
	}

	@Test
	void theApiBooksAClientWithoutAnEmailAndKeepsTheirLanguage() throws Exception {
		long association = fixtures.association(2);
		String key = context.getBean(ApiKeys.class).issue(ApiKeyScope.association(association), "Gestionale", null).key();
		String client = "{\"practiceId\":" + agenda.associationsOnly() + ",\"slotId\":" + fixtures.slot(agenda, 2)
				+ ",\"client\":{\"fullName\":\"Karima Alaoui\",\"documentType\":\"PASSPORT\",\"documentCountry\":\"MA\","
				+ "\"documentNumber\":\"KA" + System.nanoTime() % 1_000_000 + "\",\"nationality\":\"MA\",\"language\":\"ar\"}}";

		mvc.perform(post("/api/v1/q/{s}/bookings", agenda.tenant().id().slug()).header("X-Api-Key", key)
				.contentType(MediaType.APPLICATION_JSON).content(client))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.client").value("Karima Alaoui"))
			.andExpect(jsonPath("$.language").value("ar"));
	}

	@Test
	void inADrawWindowTheApiAnswersThatTheRequestIsEntered() throws Exception {
		long association = fixtures.association(5);
		String key = context.getBean(ApiKeys.class).issue(ApiKeyScope.association(association), "Gestionale", null).key();
		long slot = fixtures.slot(agenda, 2);
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		jdbc.update("update " + agenda.tenant().schema() + ".office_profile set release_days_ahead = 14,"
				+ " release_time = '14:00'");
		jdbc.update("update " + agenda.tenant().schema() + ".slot set released_at = now() - interval '5 seconds'"
				+ " where id = ?", slot);

		mvc.perform(post("/api/v1/q/{s}/bookings", agenda.tenant().id().slug()).header("X-Api-Key", key)
				.contentType(MediaType.APPLICATION_JSON).content(booking(agenda.associationsOnly(), slot, "EE5555555")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.kind").value("RELEASE_DRAW"));
		assertThat(fixtures.associationBookings(association)).isZero();
	}

	@Test
	void anotherAssociationsBookingIsNotFoundThroughTheApi() throws Exception {
		long mine = fixtures.association(5);
		long theirs = fixtures.association(5);
		ApiKeys keys = context.getBean(ApiKeys.class);
		String myKey = keys.issue(ApiKeyScope.association(mine), "Mio", null).key();
		String theirKey = keys.issue(ApiKeyScope.association(theirs), "Loro", null).key();
		String slug = agenda.tenant().id().slug();
		String created = mvc.perform(post("/api/v1/q/{s}/bookings", slug).header("X-Api-Key", theirKey)
				.contentType(MediaType.APPLICATION_JSON)
				.content(booking(agenda.associationsOnly(), fixtures.slot(agenda, 2), "CC3333333")))
			.andReturn().getResponse().getContentAsString();
		String reference = created.replaceAll(".*\"reference\":\"([0-9A-Z]{10})\".*", "$1");

		mvc.perform(post("/api/v1/q/{s}/bookings/{r}/cancel", slug, reference).header("X-Api-Key", myKey))
			.andExpect(status().isNotFound());
		assertThat(fixtures.associationBookings(theirs)).isEqualTo(1);
	}

	@Test
	void aCsvOfClientsBooksWhatTheQuotaAndTheRulesAllowAndSaysWhyNotForTheRest() throws Exception {
		long association = fixtures.association(2);
		Citizen member = accounts.create("Operatore del patronato");
		context.getBean(Memberships.class)
			.save(Membership.associationMember(member.accountId(), association));
		LocalDate day = Instant.now().plus(15, ChronoUnit.DAYS).atZone(ZoneId.of("Europe/Rome")).toLocalDate();
		fixtures.slotAt(agenda, day.atTime(9, 0).atZone(ZoneId.of("Europe/Rome")).toInstant(), 10);
		String csv = "full_name,document_type,document_country,document_number,codice_fiscale,practice,from,to,email\n"
				+ "Awa Diop,PASSPORT,SN,AD000001,,RINNOVO," + day + "," + day.plusDays(5) + ",awa@example.org\n"
				+ "Awa Diop,PASSPORT,SN,AD000001,,RINNOVO," + day + "," + day.plusDays(5) + ",\n"
				+ "Codice Sbagliato,,,,RSSMRA85T10A562X,RINNOVO," + day + "," + day.plusDays(5) + ",\n"
				+ "Omar Ba,PASSPORT,SN,OB000002,,RINNOVO," + day + "," + day.plusDays(5) + ",\n"
				+ "Terzo Oltre Quota,PASSPORT,SN,TQ000003,,RINNOVO," + day + "," + day.plusDays(5) + ",\n";

		String page = mvc.perform(multipart("/association/import")
				.file(new MockMultipartFile("file", "clients.csv", "text/csv",
						csv.getBytes(StandardCharsets.UTF_8)))
				.param("questura", agenda.tenant().id().slug())
				.session(accounts.signIn(mvc, member))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(page).contains("Esito: 2 prenotati, 3 non prenotati")
			.contains("Una delle persone indicate ha già un appuntamento attivo")
			.contains("Il codice fiscale non è valido")
			.contains("tutte le prenotazioni attive che il suo piano consente")
			.contains("Awa Diop").contains("Omar Ba");
		assertThat(fixtures.associationBookings(association)).isEqualTo(2);
	}

	@Test
	void anAdminInvitesAMemberAndMovesAClientsBooking() throws Exception {
		long association = fixtures.association(5);
		Citizen admin = accounts.create("Responsabile");
		Memberships memberships = context.getBean(Memberships.class);
		memberships.save(Membership.associationAdmin(admin.accountId(), association));
		MockHttpSession session = accounts.signIn(mvc, accounts.withAuthenticatorApp(admin));
		long from = fixtures.slot(agenda, 2);
		long to = fixtures.slot(agenda, 2);
		String reference = ((BookingOutcome.Booked) TenantContext
			.callAs(agenda.tenant(), () -> context.getBean(BookingService.class)
				.book(BookingRequests.aCitizenBooking(agenda, from)
					.forPractice(agenda.associationsOnly()).forPerson(People.anyone())
					.byAssociation(association).build()))).reference().value();
		String slug = agenda.tenant().id().slug();

		mvc.perform(get("/association/bookings/{s}/{r}/move", slug, reference).session(session)).andExpect(status().isOk());
		mvc.perform(post("/association/bookings/{s}/{r}/move", slug, reference).param("slotId", String.valueOf(to))
			.session(session).with(csrf())).andExpect(redirectedUrl("/association/bookings"));
		assertThat(fixtures.activeBookings(agenda, to)).isEqualTo(1);

		String email = "collega." + System.nanoTime() % 100_000 + "@example.it";
		mvc.perform(post("/association/members").param("email", email).session(session).with(csrf()))
			.andExpect(redirectedUrl("/association"));
		assertThat(context.getBean(DevMailbox.class).latest(20)).anyMatch(k -> k.mail().to().equals(email));
		assertThat(memberships.findAll()).anyMatch(m -> m.getRole() == Role.ASSOCIATION_MEMBER
				&& Long.valueOf(association).equals(m.getAssociationId()));
	}

	@Test
	void theApiIsDescribedByOpenApiWithASwaggerPage() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/q/{slug}/bookings'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/association/bookings'].get").exists())
			.andExpect(jsonPath("$.info.title").value("Sportello API"))
			.andExpect(jsonPath("$.info.version").value("v1"))
			.andExpect(jsonPath("$.components.securitySchemes.apiKey.type").value("apiKey"))
			.andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-Api-Key"))
			.andExpect(jsonPath("$.paths['/api/v1/q/{slug}/bookings'].post.security[0].apiKey").exists())
			.andExpect(jsonPath("$.paths['/api/v1/q/{slug}/practices'].get.security").doesNotExist())
			.andExpect(jsonPath("$.paths['/api/v1/q/{slug}/practices'].get.parameters[?(@.name == 'slug' && @.in == 'path')]")
				.isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/v1/q/{slug}/practices/{practiceId}/free-days'].get.parameters[?(@.name == 'slug')]")
				.isNotEmpty());
		mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
	}

	private static String booking(long practice, long slot, String passport) {
		return "{\"practiceId\":" + practice + ",\"slotId\":" + slot + ",\"client\":{\"fullName\":\"Fatou Sow\","
				+ "\"documentType\":\"PASSPORT\",\"documentCountry\":\"SN\",\"documentNumber\":\"" + passport + "\","
				+ "\"nationality\":\"SN\",\"email\":\"fatou@example.org\",\"language\":\"it\"}}";
	}

	/** A partita IVA with its check digit, different on each run. */
	private static String validPartitaIva() {
		String base = String.format("%010d", System.nanoTime() % 10_000_000_000L);
		for (int check = 0; check < 10; check++) {
			String candidate = base + check;
			if (TaxNumber.checked(candidate) != null) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	private MockHttpSession platformAdmin() throws Exception {
		return SignIn.demo(mvc, "platform@demo.sportello.it");
	}
}
