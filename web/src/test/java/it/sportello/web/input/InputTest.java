package it.sportello.web.input;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.core.account.Role;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The values the attack on the first round sent, each refused with a message in the person's language: never a 500. */
@WebTest
class InputTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aControlCharacterInAFormIsA422PageInThePersonsLanguage() throws Exception {
		mvc.perform(post("/register").param("displayName", "Awa\u0000Diop").param("email", "awa@example.it")
			.param("password", "una frase lunga e segreta").param("privacyAccepted", "true").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Valore non accettato")));
		mvc.perform(post("/password/forgot").param("email", "x\u001b@example.it").param("lang", "ar").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("قيمة غير مقبولة")));
	}

	@Test
	void aValueOfTheWrongTypeIsTheFieldsOwnMessageNotTheFrameworks() throws Exception {
		mvc.perform(post("/register").param("displayName", "Awa Diop").param("email", "awa@example.it")
			.param("password", "una frase lunga e segreta").param("privacyAccepted", "abc").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Il valore non è nel formato atteso.")))
			.andExpect(content().string(not(containsString("Failed to convert"))));
	}

	@Test
	void aValueLongerThanItsColumnIsA422AndNothingIsSaved() throws Exception {
		Agenda agenda = new AgendaFixtures(context).newQuestura("lunghezze");
		String slug = agenda.tenant().id().slug();
		Citizens people = new Citizens(context);
		MockHttpSession admin = people.signIn(mvc, people.staff("Admin Lunghezze", Role.QUESTURA_ADMIN, slug));

		mvc.perform(post("/q/{s}/admin/settings/sites", slug).param("code", "S".repeat(41)).param("name", "Sede")
			.param("address", "Via Roma 1").param("postalCode", "16100").param("city", "Genova").session(admin)
			.with(csrf())).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Non è stato salvato nulla")));
		mvc.perform(post("/q/{s}/admin/settings/sites", slug).param("code", "S2").param("name", "N".repeat(1_000_000))
			.param("address", "Via Roma 1").param("postalCode", "16100").param("city", "Genova").session(admin)
			.with(csrf())).andExpect(status().isUnprocessableContent());
	}

	@Test
	void theApiRefusesAnUnknownLanguageNamingTheAllowedOnesAndANulWithA422() throws Exception {
		long association = new AgendaFixtures(context).association(5);
		String key = context.getBean(ApiKeys.class).issue(ApiKeyScope.association(association), "Input", null).key();
		String client = "\"documentType\":\"PASSPORT\",\"documentCountry\":\"SN\",\"documentNumber\":\"IN000001\"";

		mvc.perform(post("/api/v1/q/genova/bookings").header("X-Api-Key", key).contentType("application/json")
			.content("{\"practiceId\":1,\"slotId\":1,\"client\":{\"fullName\":\"Awa Diop\"," + client
					+ ",\"language\":\"xyz\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("it, en, fr, ar")));
		mvc.perform(post("/api/v1/q/genova/bookings").param("lang", "en").header("X-Api-Key", key)
			.contentType("application/json")
			.content("{\"practiceId\":1,\"slotId\":1,\"client\":{\"fullName\":\"Awa\\u0000Diop\"," + client + "}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("INVALID_INPUT"))
			.andExpect(jsonPath("$.detail").value(containsString("Nothing was saved")));
		mvc.perform(post("/api/v1/q/genova/bookings").header("X-Api-Key", key).contentType("application/json")
			.content("{\"practiceId\":\"uno\"}"))
			.andExpect(status().isBadRequest());
	}
}
