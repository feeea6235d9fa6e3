package it.sportello.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class ApiKeyTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiKeys keys;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aKeyIssuedForAQuesturaOpensTheApiForThatQuestura() throws Exception {
		String key = keys.issue(ApiKeyScope.questura("genova"), "Sistema protocollo", null).key();

		mvc.perform(get("/api/v1/me").header("X-Api-Key", key))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("API_KEY"))
			.andExpect(jsonPath("$.tenantSlug").value("genova"));
		mvc.perform(get("/api/v1/me").header("Authorization", "ApiKey " + key)).andExpect(status().isOk());
	}

	@Test
	void onlyTheSecretsHashIsKeptAndTheListShowsTheBeginningOnly() {
		ApiKeys.Issued issued = keys.issue(ApiKeyScope.association(42), "Gestionale", null);
		String secret = issued.key().substring(issued.key().indexOf('.') + 1);

		String stored = jdbc.queryForObject("select t::text from platform.api_key t where id = ?", String.class,
				issued.id());
		assertThat(stored).doesNotContain(secret);
		assertThat(keys.of(ApiKeyScope.association(42))).anySatisfy(listed -> {
			assertThat(listed.shown()).endsWith("…").doesNotContain(secret);
			assertThat(issued.key()).startsWith(listed.shown().replace("…", ""));
		});
	}

	@Test
	void aWrongOrRevokedKeyOpensNothing() throws Exception {
		ApiKeys.Issued issued = keys.issue(ApiKeyScope.questura("bergamo"), "Da revocare", null);
		String tampered = issued.key().substring(0, issued.key().length() - 1)
				+ (issued.key().endsWith("a") ? "b" : "a");

		mvc.perform(get("/api/v1/me").header("X-Api-Key", tampered)).andExpect(status().isUnauthorized());
		keys.revoke(issued.id());
		mvc.perform(get("/api/v1/me").header("X-Api-Key", issued.key())).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
	}

	@Test
	void aKeyOpensOnlyTheApi() throws Exception {
		String key = keys.issue(ApiKeyScope.questura("genova"), "Sistema", null).key();

		mvc.perform(get("/me").header("X-Api-Key", key)).andExpect(status().isFound());
	}
}
