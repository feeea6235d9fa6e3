package it.sportello.web.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.core.account.Role;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebTest
class ImportsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiKeys apiKeys;

	AgendaFixtures fixtures;

	Agenda agenda;

	String slug;

	MockHttpSession admin;

	@BeforeEach
	void aQuesturaAndItsAdmin() throws Exception {
		fixtures = new AgendaFixtures(context);
		agenda = fixtures.newQuestura("importa");
		slug = agenda.tenant().id().slug();
		Citizens accounts = new Citizens(context);
		admin = accounts.signIn(mvc, accounts.staff("Marta Amministratrice", Role.QUESTURA_ADMIN, slug));
	}

	@Test
	void theReadyListTakesGoodRowsListsBadOnesAndIgnoresWhatItHas() throws Exception {
		String csv = "practice_number;document_type;document_country;document_number;codice_fiscale\n"
				+ "GE-2026-0042;PASSPORT;MA;AB123456;\n" + "GE-2026-0043;;;;RSSMRA85T10A562S\n" + ";;;;\n"
				+ "GE-2026-0044;;;;RSSMRA85T10A562X\n" + "ge-2026-0042;;;;\n";

		upload("ready-list", csv).andExpect(status().isOk())
			.andExpect(content().string(containsString("Esito: 2 aggiunte, 1 già presenti, 2 rifiutate")))
			.andExpect(content().string(containsString("Il codice fiscale non è valido")));
		upload("ready-list", csv)
			.andExpect(content().string(containsString("Esito: 0 aggiunte, 3 già presenti, 2 rifiutate")));

		assertThat(readyNumbers()).isEqualTo(2);
	}

	@Test
	void aFileThatIsNotACsvIsRefusedAndChangesNothing() throws Exception {
		upload("ready-list", "").andExpect(status().isUnprocessableContent());
		upload("ready-list", "practice_number,\"unterminated\n1,\"x").andExpect(status().isUnprocessableContent());
		upload("ready-list", "practice_number\nGE-\u00001\nGE-2\n").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("caratteri di controllo")));
		upload("ready-list", "practice_number\n" + "9".repeat(1_001) + "\n").andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/q/{slug}/ready-list", slug).contentType("text/csv").content("practice_number\nGE-\u00001\n")
			.header("X-Api-Key", apiKeys.issue(ApiKeyScope.questura(slug), "Sistema", null).key()))
			.andExpect(status().isUnprocessableContent());
		assertThat(readyNumbers()).isZero();
	}

	@Test
	void theQuesturasSystemsSendTheReadyListWithItsApiKey() throws Exception {
		String key = apiKeys.issue(ApiKeyScope.questura(slug), "Sistema permessi", null).key();
		String othersKey = apiKeys.issue(ApiKeyScope.questura("genova"), "Altra Questura", null).key();
		String csv = "practice_number\nGE-1\nGE-2\nGE-1\n";

		mvc.perform(post("/api/v1/q/{slug}/ready-list", slug).contentType("text/csv").content(csv).header("X-Api-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows.length()").value(3))
			.andExpect(jsonPath("$.rows[0].outcome").value("ADDED"))
			.andExpect(jsonPath("$.rows[2].outcome").value("UNCHANGED"));
		mvc.perform(post("/api/v1/q/{slug}/ready-list", slug).contentType("text/csv").content(csv)
				.header("X-Api-Key", othersKey))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/q/{slug}/ready-list", slug).contentType("text/csv").content(csv))
			.andExpect(status().isUnauthorized());

		assertThat(readyNumbers()).isEqualTo(2);
	}

	@Test
	void theGoLiveImportBooksWhatFitsAndSaysWhyTheRestDoesNot() throws Exception {
		ZonedDateTime at = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
			.atZone(ZoneId.of("Europe/Rome"));
		long slot = fixtures.slotAt(agenda, at.toInstant(), 1);
		String date = at.toLocalDate().toString();
		String time = at.toLocalTime().toString();
		String csv = "date,time,service_line,practice,full_name,document_type,document_country,document_number,codice_fiscale,email,language\n"
				+ date + "," + time + ",PERMESSI,RILASCIO,Awa Diop,PASSPORT,SN,A1234567,,awa@example.org,fr\n"
				+ date + "," + time + ",PERMESSI,RILASCIO,Omar Ba,PASSPORT,SN,B7654321,,,\n"
				+ date + ",07:13,PERMESSI,RILASCIO,Nessuno,PASSPORT,SN,C1111111,,,\n"
				+ date + "," + time + ",PERMESSI,INESISTENTE,Karim,PASSPORT,SN,D2222222,,,\n"
				+ "domani," + time + ",PERMESSI,RILASCIO,Karim,PASSPORT,SN,D2222222,,,\n";

		upload("import", csv).andExpect(status().isOk())
			.andExpect(content().string(containsString("Esito: 1 aggiunte, 0 già presenti, 4 rifiutate")))
			.andExpect(content().string(containsString("appena stato preso da altri")))
			.andExpect(content().string(containsString("A quest&#39;ora non c&#39;è un orario")))
			.andExpect(content().string(containsString("Nessuna pratica attiva con questo codice")))
			.andExpect(content().string(containsString("Data o ora non valide")));
		upload("import", csv).andExpect(content().string(containsString("Esito: 0 aggiunte, 0 già presenti, 5 rifiutate")));

		assertThat(fixtures.activeBookings(agenda, slot)).isEqualTo(1);
	}

	@Test
	void aGoLiveRowInALanguageSportelloDoesNotWriteIsRefusedRatherThanMailedInItalian() throws Exception {
		ZonedDateTime at = Instant.now().plus(11, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS)
			.atZone(ZoneId.of("Europe/Rome"));
		long slot = fixtures.slotAt(agenda, at.toInstant(), 1);
		String csv = "date,time,service_line,practice,full_name,document_type,document_country,document_number,language\n"
				+ at.toLocalDate() + "," + at.toLocalTime() + ",PERMESSI,RILASCIO,Jean Dupont,PASSPORT,FR,JD765432,de\n";

		upload("import", csv).andExpect(content().string(containsString("Esito: 0 aggiunte, 0 già presenti, 1 rifiutate")))
			.andExpect(content().string(containsString("Lingua non valida")));

		assertThat(fixtures.activeBookings(agenda, slot)).isZero();
	}

	private ResultActions upload(String kind, String csv) throws Exception {
		return mvc.perform(multipart("/q/{slug}/admin/" + kind, slug)
			.file(new MockMultipartFile("file", "file.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.session(admin)
			.with(csrf()));
	}

	private int readyNumbers() {
		return jdbc.queryForObject("select count(*) from " + agenda.tenant().schema() + ".ready_for_pickup", Integer.class);
	}
}
