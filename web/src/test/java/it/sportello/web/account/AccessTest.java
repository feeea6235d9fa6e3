package it.sportello.web.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.sportello.web.WebTest;
import it.sportello.web.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class AccessTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aPersonalPageAsksAnonymousVisitorsToSignIn() throws Exception {
		mvc.perform(get("/me")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void platformPagesAreForPlatformAdminsOnly() throws Exception {
		mvc.perform(get("/admin").session(signIn("cittadino@demo.sportello.it"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin").session(signIn("admin.genova@demo.sportello.it"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin").session(signIn("platform@demo.sportello.it"))).andExpect(status().isOk());
	}

	@Test
	void staffActOnlyInsideTheirOwnQuestura() throws Exception {
		MockHttpSession operator = signIn("operatore.genova@demo.sportello.it");

		mvc.perform(get("/q/bergamo/admin").session(operator)).andExpect(status().isForbidden());
		mvc.perform(get("/q/bergamo/admin/agenda").session(operator)).andExpect(status().isForbidden());
		mvc.perform(get("/q/genova/admin").session(operator)).andExpect(status().isOk());
		mvc.perform(get("/q/genova/admin").session(signIn("cittadino@demo.sportello.it"))).andExpect(status().isForbidden());
	}

	@Test
	void anUnknownQuesturaIsNotFoundBeforeAnyoneAsksWhoYouAre() throws Exception {
		mvc.perform(get("/q/atlantide/admin")).andExpect(status().isNotFound());
	}

	@Test
	void aPathNobodyDecidedOnIsClosed() throws Exception {
		mvc.perform(get("/something-new").session(signIn("platform@demo.sportello.it"))).andExpect(status().isForbidden());
	}

	private MockHttpSession signIn(String email) throws Exception {
		return SignIn.demo(mvc, email);
	}
}
