package it.sportello.web.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingView;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

/**
 * The CSV page of an association: its own example books as it stands, the practice codes are on the page, no Questura
 * is chosen for the member and the chosen one stays, booked times are Rome's, the quota moves, e-mail is optional.
 */
@WebTest
class ClientImportTest {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final String HEADER = "full_name,document_type,document_country,document_number,codice_fiscale,"
			+ "practice,from,to,email,language\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	AgendaFixtures fixtures;

	Agenda agenda;

	String slug;

	long association;

	MockHttpSession member;

	@BeforeEach
	void aQuesturaAndAMemberOfAnAssociation() throws Exception {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("file");
		slug = agenda.tenant().id().slug();
		association = fixtures.association(5);
		Citizens accounts = new Citizens(context);
		member = accounts.signIn(mvc, accounts.associationMember("Operatore del patronato", association));
	}

	@Test
	void theExampleOnThePageBooksAsItStands() throws Exception {
		LocalDate day = AgendaFixtures.workingDayAhead(10);
		fixtures.slotAt(agenda, day.atTime(9, 0).atZone(ROME).toInstant(), 2);

		String page = page("/association/import?questura=" + slug);
		String example = String.join("\n", lines(page.substring(page.indexOf("id=\"example\""))));
		assertThat(example).startsWith("full_name;").contains(";RILASCIO;");

		assertThat(upload(slug, example).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("Esito: 1 prenotati, 0 non prenotati");
	}

	@Test
	void thePracticeCodesOfTheQuestureAreOnThePage() throws Exception {
		String page = page("/association/import");

		String codes = page.substring(page.indexOf("id=\"codes-" + slug + "\""));
		codes = codes.substring(0, codes.indexOf("</details>"));
		assertThat(codes).contains("RILASCIO").contains("Pratica RILASCIO").contains("RINNOVO")
			.doesNotContain("RITIRO");
	}

	@Test
	void noQuesturaIsChosenForTheMemberAndTheChosenOneStaysAfterAnUpload() throws Exception {
		assertThat(questuraSelect(page("/association/import"))).contains("<option value=\"\">")
			.doesNotContain("selected");

		String refused = upload("", HEADER).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"error-summary\"").contains("Scegliere la Questura.");

		String after = upload(slug, HEADER).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(questuraSelect(after)).containsPattern("<option value=\"" + slug + "\" selected=\"selected\"");
	}

	@Test
	void theReportGivesTheBookedTimeInRomeForTheReader() throws Exception {
		LocalDate day = LocalDate.of(LocalDate.now(ROME).getYear() + 1, 1, 13);
		fixtures.slotAt(agenda, day.atTime(8, 30).atZone(ROME).toInstant(), 1);

		String report = upload(slug, HEADER + "Awa Diop,PASSPORT,SN,AO" + unique() + ",,RINNOVO," + day + "," + day
				+ ",,\n").andReturn().getResponse().getContentAsString();

		assertThat(report).contains("Esito: 1 prenotati").contains("13 gennaio " + day.getYear() + ", 08:30")
			.doesNotContain("07:30");
	}

	@Test
	void theQuotaShownCountsWhatTheFileBooked() throws Exception {
		LocalDate day = AgendaFixtures.workingDayAhead(12);
		fixtures.slotAt(agenda, day.atTime(10, 0).atZone(ROME).toInstant(), 3);
		assertThat(page("/association/import")).contains("0 prenotazioni attive su 5");

		String report = upload(slug, HEADER + "Omar Ba,PASSPORT,SN,QO" + unique() + ",,RINNOVO," + day + "," + day
				+ ",,\nAwa Diop,PASSPORT,SN,QA" + unique() + ",,RINNOVO," + day + "," + day + ",,\n")
			.andReturn().getResponse().getContentAsString();

		assertThat(report).contains("Esito: 2 prenotati").contains("2 prenotazioni attive su 5");
		assertThat(page("/association/bookings")).contains("2 prenotazioni attive su 5");
	}

	@Test
	void aRowNeedsNoEmailAndItsLanguageIsKeptWithTheBooking() throws Exception {
		LocalDate day = AgendaFixtures.workingDayAhead(15);
		fixtures.slotAt(agenda, day.atTime(11, 0).atZone(ROME).toInstant(), 3);

		String report = upload(slug, HEADER + "Karima Alaoui,PASSPORT,MA,KL" + unique() + ",,RINNOVO," + day + "," + day
				+ ",,ar\nJean Dupont,PASSPORT,FR,JD" + unique() + ",,RINNOVO," + day + "," + day + ",,klingon\n")
			.andReturn().getResponse().getContentAsString();

		assertThat(report).contains("Esito: 1 prenotati, 1 non prenotati").contains("Lingua non valida");
		List<BookingView> booked = TenantContext.callAs(agenda.tenant(),
				() -> context.getBean(BookingQueries.class).ofAssociation(association));
		assertThat(booked).singleElement().satisfies(b -> {
			assertThat(b.language()).isEqualTo("ar");
			assertThat(b.email()).isNull();
		});
	}

	/** The options of the page's Questura select. */
	private static String questuraSelect(String page) {
		Matcher select = Pattern.compile("<select[^>]*id=\"questura\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
		assertThat(select.find()).as("the Questura select").isTrue();
		return select.group(1);
	}

	/** The lines of the first example file from the text given: each a {@code code} element. */
	private static List<String> lines(String html) {
		Matcher line = Pattern.compile("<code class=\"d-block text-break\">([^<]*)</code>").matcher(html);
		List<String> lines = new ArrayList<>();
		while (line.find()) {
			lines.add(HtmlUtils.htmlUnescape(line.group(1)));
		}
		return lines;
	}

	private ResultActions upload(String questura, String csv) throws Exception {
		return mvc.perform(multipart("/association/import")
			.file(new MockMultipartFile("file", "clients.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("questura", questura)
			.session(member)
			.with(csrf()));
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).session(member)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private static String unique() {
		return String.format("%06d", System.nanoTime() % 1_000_000);
	}
}
