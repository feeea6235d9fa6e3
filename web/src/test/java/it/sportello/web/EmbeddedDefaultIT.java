package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import it.sportello.admin.onboarding.Onboarding;
import it.sportello.admin.onboarding.OnboardingRequest;
import it.sportello.admin.onboarding.SiteSpec;
import it.sportello.core.office.Contacts;
import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import it.sportello.core.text.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a newcomer starts it: no datasource configured, so an embedded PostgreSQL on a data directory
 * that survives a stop and a start. Runs in its own JVM (failsafe), apart from the shared test database.
 */
class EmbeddedDefaultIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theEmbeddedDefaultKeepsEveryQuesturaAndRecordOverAStopAndAStart(@TempDir Path data) throws Exception {
		try (ConfigurableApplicationContext app = start(data)) {
			assertThat(app.getBean(Tenants.class).findAllActive()).extracting(Tenant::getSlug)
				.containsExactlyInAnyOrder("genova", "bergamo", "roma");
			assertThat(page(app, "/").body()).contains("Questura di Genova", "Questura di Bergamo", "Questura di Roma");
			app.getBean(Onboarding.class).onboard(new OnboardingRequest("lecco", "Questura di Lecco",
					ZoneId.of("Europe/Rome"), MonthDay.of(12, 6), new Contacts(null, null, null, null),
					List.of(new SiteSpec("MAIN", LocalizedText.italian("Questura di Lecco"), "Via Roma 1", "23900",
							"Lecco")), null));
		}

		try (ConfigurableApplicationContext app = start(data)) {
			Tenants tenants = app.getBean(Tenants.class);
			assertThat(tenants.findAllActive()).extracting(Tenant::getSlug)
				.containsExactlyInAnyOrder("genova", "bergamo", "roma", "lecco");
			assertThat(TenantContext.callAs(tenants.findActive("lecco").orElseThrow().asCurrent(),
					() -> app.getBean(OfficeDirectory.class).describe().sites()))
				.extracting("address")
				.containsExactly("Via Roma 1");
			assertThat(page(app, "/q/lecco").body()).contains("Questura di Lecco", "Via Roma 1");
		}
	}

	@Test
	void anUnknownQuesturaGetsANotFoundPageInTheVisitorsLanguage(@TempDir Path data) throws Exception {
		try (ConfigurableApplicationContext app = start(data)) {
			HttpResponse<String> italian = page(app, "/q/atlantide");
			HttpResponse<String> english = page(app, "/q/atlantide?lang=en");

			assertThat(italian.statusCode()).isEqualTo(404);
			assertThat(italian.body()).contains("Pagina non trovata");
			assertThat(english.statusCode()).isEqualTo(404);
			assertThat(english.body()).contains("Page not found");
			HttpResponse<String> closed = page(app, "/q/genova/admin");
			assertThat(closed.statusCode()).isEqualTo(302);
		}
	}

	@Test
	void aSignedInPersonRefusedAPageIsToldSoInTheirLanguage(@TempDir Path data) throws Exception {
		try (ConfigurableApplicationContext app = start(data)) {
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String port = app.getEnvironment().getProperty("local.server.port");
			String base = "http://127.0.0.1:" + port;
			String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			String csrf = login.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
			browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("email=operatore.genova%40demo.sportello.it&password=demo-Sportello-2026&_csrf=" + csrf))
				.build(), HttpResponse.BodyHandlers.discarding());
			// staff: the second step, with the code of the demo authenticator app
			String step = browser.send(HttpRequest.newBuilder(URI.create(base + "/login/second-factor")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			String stepCsrf = step.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
			browser.send(HttpRequest.newBuilder(URI.create(base + "/login/second-factor"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("code=" + SignIn.code("operatore.genova@demo.sportello.it")
						+ "&_csrf=" + stepCsrf))
				.build(), HttpResponse.BodyHandlers.discarding());

			HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(base + "/q/genova/book"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("Accesso non consentito");
		}
	}

	@Test
	void theProdProfileOpensNoDemoQuestura(@TempDir Path data) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SportelloApplication.class).profiles("prod")
			.run("--server.port=0", "--sportello.embedded-database.directory=" + data,
					"--sportello.person-key.secret=a-production-secret-of-at-least-32-characters")) {
			assertThat(app.getBean(Tenants.class).count()).isZero();
		}
	}

	@Test
	void theKeycloakProfileInProdTakesItsSecretsOnlyFromTheEnvironment(@TempDir Path data) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SportelloApplication.class).profiles("keycloak", "prod")
			.run("--server.port=0", "--sportello.embedded-database.directory=" + data,
					"--sportello.person-key.secret=a-production-secret-of-at-least-32-characters"))
			.hasStackTraceContaining("SPORTELLO_KEYCLOAK_CLIENT_SECRET");
		assertThatThrownBy(() -> new SpringApplicationBuilder(SportelloApplication.class).profiles("keycloak", "prod")
			.run("--server.port=0", "--sportello.embedded-database.directory=" + data,
					"--sportello.person-key.secret=a-production-secret-of-at-least-32-characters",
					"--sportello.keycloak.client-secret=sportello-development-client-secret",
					"--sportello.keycloak.admin.client-secret=a-real-one"))
			.hasStackTraceContaining("not a development value");
	}

	private static ConfigurableApplicationContext start(Path data) {
		// arguments, not default properties: application.yml would override those
		return new SpringApplicationBuilder(SportelloApplication.class)
			.run("--server.port=0", "--sportello.embedded-database.directory=" + data);
	}

	private HttpResponse<String> page(ConfigurableApplicationContext app, String path) throws Exception {
		String port = app.getEnvironment().getProperty("local.server.port");
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "text/html,application/xhtml+xml")
			.build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
