package it.sportello.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What anyone may read without signing in costs the server no session (thousands open the office page at a release),
 * while the forms that need one keep their CSRF protection.
 */
@WebTest
class AnonymousSessionTest {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/q/genova", "/q/genova?lang=ar", "/privacy", "/accessibility", "/legal", "/contacts",
			"/api/v1/q/genova/practices" })
	void anAnonymousReadCreatesNoSession(String page) throws Exception {
		MvcResult read = mvc.perform(get(page)).andExpect(status().isOk()).andReturn();

		assertThat(read.getRequest().getSession(false)).as(page).isNull();
	}

	@Test
	void theCalendarOfFreeDaysCreatesNoSession() throws Exception {
		MvcResult read = mvc.perform(get("/api/v1/q/genova/practices/1/free-days").param("month", YearMonth.now().toString()))
			.andExpect(status().isOk())
			.andReturn();

		assertThat(read.getRequest().getSession(false)).isNull();
	}

	@Test
	void theLanguageChosenWithoutASessionStaysWithTheBrowser() throws Exception {
		MvcResult chosen = mvc.perform(get("/q/genova").param("lang", "fr")).andReturn();

		assertThat(chosen.getResponse().getCookie("sportello-lang").getValue()).isEqualTo("fr");
		assertThat(mvc.perform(get("/q/genova").cookie(chosen.getResponse().getCookie("sportello-lang")))
			.andReturn().getResponse().getContentAsString()).contains("lang=\"fr\"");
	}

	@Test
	void theLoginFormSignsInWithItsCsrfTokenAndRefusesAPostWithout() throws Exception {
		MvcResult form = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
		MockHttpSession session = (MockHttpSession) form.getRequest().getSession(false);
		Matcher token = CSRF_FIELD.matcher(form.getResponse().getContentAsString());
		assertThat(session).as("the form page keeps its token in a session").isNotNull();
		assertThat(token.find()).isTrue();

		mvc.perform(post("/login").session(session).param("email", "cittadino@demo.sportello.it")
			.param("password", SignIn.DEMO_PASSWORD)).andExpect(status().isForbidden()).andExpect(unauthenticated());
		mvc.perform(post("/login").session(session).param("email", "cittadino@demo.sportello.it")
			.param("password", SignIn.DEMO_PASSWORD).param("_csrf", token.group(1)))
			.andExpect(redirectedUrl("/me"))
			.andExpect(authenticated());
	}
}
