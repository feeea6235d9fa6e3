package it.sportello.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class ActuatorTest {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsUpWithTheDatabase() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
	}

	@Test
	void prometheusServesMetricsToTheScraperOnly() throws Exception {
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")));
		mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", "not-the-password")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", WebTest.SCRAPER_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hikaricp_connections")));
	}
}
