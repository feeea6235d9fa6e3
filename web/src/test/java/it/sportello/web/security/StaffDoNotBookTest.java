package it.sportello.web.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.web.WebTest;
import it.sportello.web.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The booking journey ({@code /q/{slug}/book/...}) and the booking API ({@code /api/v1/q/{slug}/bookings/...}) are
 * closed to the office's staff and to platform admins by rule, whatever endpoints the journey adds under them (a
 * path that passes the rule and has no endpoint yet answers 404).
 */
@WebTest
class StaffDoNotBookTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeys keys;

	@Test
	void operatorsAndAdminsAreRefusedTheBookingJourney() throws Exception {
		for (String staff : new String[] { "operatore.genova@demo.sportello.it", "admin.genova@demo.sportello.it",
				"platform@demo.sportello.it" }) {
			MockHttpSession session = signIn(staff);
			mvc.perform(get("/q/genova/book").session(session)).andExpect(status().isForbidden());
			mvc.perform(post("/q/genova/book/confirm").session(session).with(csrf())).andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/q/genova/bookings").session(session)).andExpect(status().isForbidden());
		}
	}

	@Test
	void citizensPassAndAnonymousVisitorsAreAskedToSignIn() throws Exception {
		mvc.perform(get("/q/genova/book").session(signIn("cittadino@demo.sportello.it"))).andExpect(status().isOk());
		mvc.perform(get("/q/genova/book")).andExpect(redirectedUrl("/login"));
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void aQuesturasApiKeyCannotBookAndAnAssociationsCan() throws Exception {
		String questura = keys.issue(ApiKeyScope.questura("genova"), "Protocollo", null).key();
		long accredited = new it.sportello.core.testsupport.AgendaFixtures(context).association(5);
		String association = keys.issue(ApiKeyScope.association(accredited), "Gestionale", null).key();

		mvc.perform(post("/api/v1/q/genova/bookings").header("X-Api-Key", questura)).andExpect(status().isForbidden());
		// the association's key is let through; the empty request is then refused as bad input
		mvc.perform(post("/api/v1/q/genova/bookings").header("X-Api-Key", association))
			.andExpect(status().isUnprocessableContent());
	}

	private MockHttpSession signIn(String email) throws Exception {
		return SignIn.demo(mvc, email);
	}
}
