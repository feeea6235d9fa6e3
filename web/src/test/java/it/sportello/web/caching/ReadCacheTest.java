package it.sportello.web.caching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.core.association.Associations;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.testsupport.TestDatabase;
import it.sportello.core.text.LocalizedText;
import it.sportello.web.SportelloApplication;
import it.sportello.web.WebTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one database: this test's context (where the changes are made) and a second application
 * with the production cache settings, read over HTTP like a browser would. What the second node shows follows a
 * change within the stated bound, and a place its cache still shows is refused, with the reason, when booked.
 */
@WebTest
class ReadCacheTest {

	private static ConfigurableApplicationContext otherNode;

	private static String other;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OfficeProfiles profiles;

	@Autowired
	Tenants tenants;

	@Autowired
	TransactionTemplate transactions;

	@BeforeAll
	static void startTheOtherNode() {
		otherNode = new SpringApplicationBuilder(SportelloApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--spring.datasource.hikari.maximum-pool-size=4",
				"--sportello.scheduling.enabled=false", "--sportello.rate-limits.enabled=false",
				"--sportello.demo.enabled=false", "--sportello.read-cache.availability=3s");
		other = "http://127.0.0.1:" + otherNode.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopTheOtherNode() {
		if (otherNode != null) {
			otherNode.close();
		}
	}

	@Test
	void anOfficeChangeSavedOnOneNodeIsOnTheOtherNodesPageAtOnceAndUntilThenThePageComesFromItsCache() throws Exception {
		String schema = schemaOf("bergamo");
		assertThat(page("/q/bergamo")).doesNotContain("Avviso di prova");
		try {
			// a write that notifies nobody (triggers off for this transaction): the other node keeps its page
			transactions.executeWithoutResult(status -> {
				jdbc.execute("set local session_replication_role = replica");
				jdbc.update("update " + schema + ".office_profile set notice_it = 'Avviso muto'");
			});
			assertThat(page("/q/bergamo")).doesNotContain("Avviso muto");

			// the office's settings saved on this node: the other node hears of it and shows it within seconds
			TenantContext.runAs(tenants.findActive("bergamo").orElseThrow().asCurrent(), () -> {
				OfficeProfile profile = profiles.getRequired();
				profile.publishNotice(LocalizedText.italian("Avviso di prova: sportello chiuso il venerdì"));
				profiles.save(profile);
			});
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> page("/q/bergamo").contains("Avviso di prova: sportello chiuso il venerdì"));
		}
		finally {
			jdbc.update("update " + schema + ".office_profile set notice_it = null");
		}
	}

	@Test
	void aPlaceTakenOnOneNodeLeavesTheOtherNodesFreeTimesWithinTheBoundAndIsRefusedWithTheReasonMeanwhile()
			throws Exception {
		String schema = schemaOf("genova");
		long[] place = jdbc.queryForObject("select p.id, s.id, s.capacity from " + schema + ".slot s join lateral (select"
				+ " id from " + schema + ".practice p where p.service_line_id = s.service_line_id and p.active"
				+ " and p.bookable_by in ('ASSOCIATIONS', 'BOTH') and p.kind <> 'PICK_UP' order by id limit 1) p on true"
				+ " where s.starts_at > now() + interval '5 days' and s.released_at <= now() and s.booked + s.held = 0"
				+ " order by s.starts_at desc limit 1",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
		String day = jdbc.queryForObject("select (starts_at at time zone ?)::date::text from " + schema + ".slot where id = ?",
				String.class, ZoneId.of("Europe/Rome").getId(), place[1]);
		String freeTimes = "/api/v1/q/genova/practices/" + place[0] + "/free-slots?day=" + day;
		assertThat(page(freeTimes)).contains("\"id\":" + place[1]);

		// the place is taken on this node (every seat of it)
		jdbc.update("update " + schema + ".slot set booked = capacity where id = ?", place[1]);
		try {
			// still shown by the other node's cache: booking it there is refused, with the reason, and nothing is taken
			assertThat(page(freeTimes)).contains("\"id\":" + place[1]);
			HttpResponse<String> refused = bookOnTheOtherNode(place);
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(refused.body()).contains("\"code\"").contains("\"message\"");

			await().atMost(Duration.ofSeconds(6))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> !page(freeTimes).contains("\"id\":" + place[1]));
			assertThat(jdbc.queryForObject("select booked from " + schema + ".slot where id = ?", Long.class, place[1]))
				.isEqualTo(place[2]);
		}
		finally {
			jdbc.update("update " + schema + ".slot set booked = 0 where id = ?", place[1]);
		}
	}

	@Test
	void anAnonymousPageCarriesAnEtagAndIsNotModifiedWhenAskedAgain() throws Exception {
		String etag = mvc.perform(get("/q/genova"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", AnonymousPages.CACHE_CONTROL))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		assertThat(etag).isNotBlank();

		mvc.perform(get("/q/genova").header("If-None-Match", etag)).andExpect(status().isNotModified());
		// another language is another page
		mvc.perform(get("/q/genova").param("lang", "ar").header("If-None-Match", etag)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/q/genova/practices").header("If-None-Match", "\"stale\""))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"));
	}

	@Test
	void aKeptPageIsSentCompressedToABrowserThatAcceptsItAndPlainToOneThatDoesNot() throws Exception {
		byte[] plain = mvc.perform(get("/q/roma")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();

		byte[] compressed = mvc.perform(get("/q/roma").header("Accept-Encoding", "gzip, deflate, br"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Encoding", "gzip"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(compressed.length).isLessThan(plain.length / 3);
		try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
				new java.io.ByteArrayInputStream(compressed))) {
			assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo(new String(plain, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private String schemaOf(String slug) {
		return jdbc.queryForObject("select schema_name from platform.tenant where slug = ?", String.class, slug);
	}

	private String page(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(other + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> bookOnTheOtherNode(long[] place) throws IOException, InterruptedException {
		long patronato = jdbc.queryForObject("select id from platform.association where name = 'Patronato Demo'", Long.class);
		otherNode.getBean(Associations.class).grantPlan(patronato, "PROTOCOLLO", 1_000);
		String key = otherNode.getBean(ApiKeys.class).issue(ApiKeyScope.association(patronato), "Cache", null).key();
		String body = "{\"practiceId\":" + place[0] + ",\"slotId\":" + place[1] + ",\"client\":{\"fullName\":\"Cliente"
				+ " Cache\",\"documentType\":\"PASSPORT\",\"documentCountry\":\"SN\",\"documentNumber\":\"CACHE"
				+ System.nanoTime() % 1_000_000 + "\",\"language\":\"it\"}}";
		return http.send(HttpRequest.newBuilder(URI.create(other + "/api/v1/q/genova/bookings"))
			.header("X-Api-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
