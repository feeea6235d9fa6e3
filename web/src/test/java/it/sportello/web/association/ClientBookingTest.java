package it.sportello.web.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingView;
import it.sportello.core.event.EventRelay;
import it.sportello.core.mail.DevMailbox;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.QrCodes;
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

/**
 * A member of an association books for a client through the booking journey: found from the association's pages, a
 * form that speaks of the client, the client's language for their mails, and the client's receipt at the end.
 */
@WebTest
class ClientBookingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	BookingQueries queries;

	AgendaFixtures fixtures;

	Agenda agenda;

	String slug;

	long association;

	MockHttpSession member;

	@BeforeEach
	void aQuesturaAndAMemberOfAnAssociation() throws Exception {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("assistiti");
		slug = agenda.tenant().id().slug();
		association = fixtures.association(5);
		Citizens accounts = new Citizens(context);
		member = accounts.signIn(mvc, accounts.associationMember("Operatrice del patronato", association));
	}

	@Test
	void bookingForAClientLeadsFromTheDashboardToTheQuesturasJourney() throws Exception {
		String dashboard = page("/association");
		assertThat(dashboard).containsPattern("href=\"/association/book\"[^>]*>Prenota per un assistito<");

		assertThat(page("/association/book")).contains("href=\"/q/" + slug + "/book\"");
	}

	@Test
	void aQuesturaThatDoesNotAdmitTheAssociationIsNotOffered() throws Exception {
		context.getBean(JdbcTemplate.class)
			.update("update " + agenda.tenant().schema() + ".office_profile set associations_restricted = true");

		assertThat(page("/association/book")).doesNotContain("/q/" + slug + "/book\"");
	}

	@Test
	void theFormSpeaksOfTheClientAndAsksTheirLanguage() throws Exception {
		String form = page("/q/" + slug + "/book/" + agenda.associationsOnly());

		assertThat(form).contains("Dati dell&#39;assistito").contains("Documento dell&#39;assistito")
			.contains("Dichiaro che l&#39;assistito ha ricevuto l&#39;informativa")
			.contains("E-mail dell&#39;assistito (facoltativo)").contains("name=\"language\"").contains("<option value=\"ar\">العربية</option>")
			.doesNotContain("Come ti identifichi").doesNotContain("I dati di chi si presenta")
			.doesNotContain("accetto che i miei dati");
	}

	@Test
	void theClientNeedsNoEmailButALanguage() throws Exception {
		details(Map.of("email", "", "language", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("Scegliere la lingua dell&#39;assistito.")
				.doesNotContain("Indicare un indirizzo e-mail valido"));

		details(Map.of("email", "", "language", "fr"))
			.andExpect(redirectedUrl("/q/" + slug + "/book/" + agenda.associationsOnly() + "/when"));
	}

	@Test
	void theClientsLanguageIsKeptWithTheBookingAndTheirMailIsInIt() throws Exception {
		String email = "karima." + System.nanoTime() % 1_000_000 + "@example.org";

		BookingView booked = book(Map.of("fullName", "Karima Alaoui", "documentNumber", "KA" + unique(),
				"email", email, "language", "ar"));

		assertThat(booked.language()).isEqualTo("ar");
		assertThat(booked.email()).isEqualTo(email);
		context.getBean(EventRelay.class).publishPending();
		assertThat(context.getBean(DevMailbox.class).latest(50)).filteredOn(k -> k.mail().to().equals(email))
			.singleElement()
			.satisfies(k -> assertThat(k.mail().subject()).startsWith("تم تأكيد الموعد"));
	}

	@Test
	void afterBookingTheAssociationHasTheClientsReceiptWithQrCodeAndPdf() throws Exception {
		BookingView booked = book(Map.of("fullName", "Omar Ba", "documentNumber", "OB" + unique()));
		String reference = booked.reference().value();
		String base = "/association/bookings/" + slug + "/" + reference;

		String receipt = page(base + "/receipt");
		assertThat(receipt).contains("Prenotazione fatta per l&#39;assistito").contains(reference)
			.contains("src=\"" + base + "/qr.png\"").contains("href=\"" + base + "/receipt.pdf\"")
			.contains("href=\"/association/bookings\"");
		byte[] qr = mvc.perform(get(base + "/qr.png").session(member))
			.andExpect(header().string("Content-Type", "image/png"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(QrCodes.decode(qr)).isEqualTo(reference);
		byte[] pdf = mvc.perform(get(base + "/receipt.pdf").session(member))
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains(reference).contains("Omar Ba")
			.contains("Ricevuta di prenotazione");
	}

	@Test
	void anotherAssociationsReceiptIsNotFound() throws Exception {
		BookingView booked = book(Map.of("documentNumber", "NF" + unique()));
		Citizens accounts = new Citizens(context);
		Citizens.Citizen other = accounts.associationMember("Altro patronato", fixtures.association(5));

		mvc.perform(get("/association/bookings/{s}/{r}/receipt.pdf", slug, booked.reference().value())
			.session(accounts.signIn(mvc, other))).andExpect(status().isNotFound());
	}

	@Test
	void theBookingsListShowsEachBookingsPracticeAndChildren() throws Exception {
		Map<String, String> withChild = new HashMap<>(Map.of("fullName", "Awa Diop", "documentNumber", "AD" + unique()));
		withChild.putAll(Map.of("children[0].fullName", "Moussa Diop", "children[0].idKind", "DOC",
				"children[0].documentType", "PASSPORT", "children[0].documentCountry", "SN",
				"children[0].documentNumber", "MD" + unique(), "children[0].nationality", "SN",
				"children[0].birthDate", "2015-03-04"));
		BookingView booked = book(withChild);

		String list = page("/association/bookings");
		assertThat(list).contains(booked.reference().value()).contains("Pratica RINNOVO").contains("Awa Diop")
			.contains("Moussa Diop (minore)")
			.contains("href=\"/association/bookings/" + slug + "/" + booked.reference().value() + "/receipt\"");
	}

	/** Books a client through the journey's three steps and answers the booking as it is stored. */
	private BookingView book(Map<String, String> fields) throws Exception {
		long slot = fixtures.slotAt(agenda, Instant.now().plus(Duration.ofDays(9)).plusSeconds(unique() % 3600), 2);
		details(fields).andExpect(redirectedUrl("/q/" + slug + "/book/" + agenda.associationsOnly() + "/when"));
		mvc.perform(post("/q/{s}/book/{p}/when", slug, agenda.associationsOnly()).param("slotId", String.valueOf(slot))
			.session(member).with(csrf()));
		String receipt = mvc.perform(post("/q/{s}/book/{p}/confirm", slug, agenda.associationsOnly()).session(member)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(receipt).startsWith("/association/bookings/" + slug + "/").endsWith("/receipt");
		String reference = receipt.split("/")[4];
		return TenantContext.callAs(agenda.tenant(), () -> queries.find(new BookingReference(reference)).orElseThrow());
	}

	/** The client form sent with a valid client, the fields given replacing theirs. */
	private ResultActions details(Map<String, String> fields) throws Exception {
		Map<String, String> form = new HashMap<>(Map.of("fullName", "Fatou Sow", "idKind", "DOC", "documentType",
				"PASSPORT", "documentCountry", "SN", "documentNumber", "FS" + unique(), "nationality", "SN", "birthDate",
				"1988-05-06", "privacy", "true", "language", "it"));
		form.putAll(fields);
		var request = post("/q/{s}/book/{p}", slug, agenda.associationsOnly()).session(member).with(csrf());
		form.forEach(request::param);
		return mvc.perform(request);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).session(member)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private static long unique() {
		return System.nanoTime() % 1_000_000;
	}
}
