package it.sportello.web.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.sportello.core.tenancy.Tenants;
import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


@WebTest
class PlatformAdminTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Test
	void thePlatformAdminOnboardsSuspendsAndReactivatesAQuestura() throws Exception {
		MockHttpSession platform = signIn();
		String slug = "savona-" + System.nanoTime() % 100_000;

		mvc.perform(onboarding(platform, slug).param("patronDay", "18/3")).andExpect(redirectedUrl("/admin"));
		mvc.perform(get("/q/{s}", slug)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Via Paleocapa 1")));
		assertThat(tenants.findBySlug(slug)).isPresent();

		mvc.perform(post("/admin/questure/{s}/suspend", slug).session(platform).with(csrf()));
		mvc.perform(get("/q/{s}", slug)).andExpect(status().isNotFound());
		mvc.perform(post("/admin/questure/{s}/reactivate", slug).session(platform).with(csrf()));
		mvc.perform(get("/q/{s}", slug)).andExpect(status().isOk());
	}

	@Test
	void aBadOrTakenSlugAndABadPatronDayAreRefusedNextToTheField() throws Exception {
		MockHttpSession platform = signIn();

		mvc.perform(onboarding(platform, "Genova!").param("patronDay", "24/6")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("può contenere solo lettere minuscole")));
		mvc.perform(onboarding(platform, "genova").param("patronDay", "24/6")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("è già usato da un")));
		mvc.perform(onboarding(platform, "imperia").param("patronDay", "trentuno")).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("giorno/mese")));
		assertThat(tenants.findBySlug("imperia")).isEmpty();
	}

	@Test
	void eachSectionOfTheOnboardingFormIsAFieldsetNamedByItsLegend() throws Exception {
		String form = mvc.perform(get("/admin/questure/new").session(signIn())).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();

		assertThat(java.util.regex.Pattern.compile("<fieldset[^>]*>\\s*<legend[^>]*>([^<]+)</legend>").matcher(form)
			.results().map(r -> r.group(1)))
			.containsExactly("L'ufficio".replace("'", "&#39;"), "La sede principale", "Il primo amministratore");
	}

	private MockHttpServletRequestBuilder onboarding(MockHttpSession session, String slug) {
		return post("/admin/questure").session(session).with(csrf()).param("slug", slug)
			.param("name", "Questura di Savona").param("siteCode", "QUESTURA").param("siteName", "Questura")
			.param("siteAddress", "Via Paleocapa 1").param("sitePostalCode", "17100").param("siteCity", "Savona");
	}

	private MockHttpSession signIn() throws Exception {
		return SignIn.demo(mvc, "platform@demo.sportello.it");
	}
}
