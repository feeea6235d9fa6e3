package it.sportello.web.office;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import it.sportello.web.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class OfficePagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theFrontPageListsTheQuesture() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Scegli la Questura"), containsString("href=\"/q/genova\""),
					containsString("Questura di Bergamo"), containsString("Questura di Roma"))));
	}

	@Test
	void anOfficePageShowsSitesHoursWalkInsAndTheCatalogueWithItsDocuments() throws Exception {
		mvc.perform(get("/q/genova"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<h1>Questura di Genova</h1>"),
					containsString("Via G. D&#39;Annunzio 80"), containsString("Corso Aurelio Saffi"),
					containsString("Accesso senza appuntamento"), containsString("08:00–09:00"),
					containsString("lunedì, martedì, giovedì, venerdì"), containsString("Documenti da portare"),
					containsString("marca da bollo"), containsString("Sportello Informazioni - U.R.P."),
					containsString("immig.quest.ge@pecps.poliziadistato.it"))));
	}

	@Test
	void aLanguageCookieThatIsNoLanguageShowsThePageInItalian() throws Exception {
		mvc.perform(get("/q/genova").cookie(new Cookie("sportello-lang", "ar%0d%0aX")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"it\"")));
	}

	@Test
	void theOfficeIsShownInEnglishWithItalianOnlyTextsMarkedAsItalian() throws Exception {
		mvc.perform(get("/q/genova").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"en\""),
					containsString("Access without appointment"), containsString("Documents to bring"),
					containsString("Monday, Tuesday, Thursday, Friday"),
					containsString("<span lang=\"it\">Sportello Informazioni - U.R.P.</span>"),
					not(containsString("Documenti da portare")))));
	}

	@Test
	void theOfficeIsShownInArabicRightToLeftWithTheTemplatesArabicTexts() throws Exception {
		mvc.perform(get("/q/roma").param("lang", "ar"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"ar\" dir=\"rtl\""),
					containsString("الاثنين"), not(containsString("Documenti da portare")))));
		mvc.perform(get("/q/genova").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"fr\""),
					containsString("<span lang=\"it\">Sportello Informazioni - U.R.P.</span>"))));
	}

	@Test
	void theLanguageChoicePersists() throws Exception {
		Cookie cookie = mvc.perform(get("/").param("lang", "en")).andReturn().getResponse().getCookie("sportello-lang");

		mvc.perform(get("/q/roma").cookie(cookie)).andExpect(content().string(containsString("Practices you can book")));
	}

	@Test
	void anUnsupportedLanguageKeepsItalian() throws Exception {
		mvc.perform(get("/q/roma").param("lang", "xx"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pratiche prenotabili")));
	}

	@Test
	void anUnknownQuesturaIsNotFoundWithAPageInTheUsersLanguage() throws Exception {
		mvc.perform(get("/q/atlantide"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/q/atlantide/anything/below"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/q/atlantide/practices"))
			.andExpect(status().isNotFound());
	}
}
