package it.sportello.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.account.StaffInvitations;
import it.sportello.web.SportelloApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import it.sportello.web.SignIn;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Keycloak for real: the test starts the server from its Maven distribution with the sportello realm
 * ({@code infra/keycloak/start}), then signs in through Keycloak's own login page, lands in Sportello, and signs out.
 * If Keycloak cannot start, the test fails; it never skips.
 */
class KeycloakLoginIT {

	static final String PASSWORD = "una frase lunga e segreta";

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static Process keycloak;

	static ConfigurableApplicationContext app;

	static String keycloakUrl;

	static String appUrl;

	@BeforeAll
	static void startKeycloakAndSportello(@TempDir Path data) throws Exception {
		int keycloakPort = freePort();
		keycloakUrl = "http://127.0.0.1:" + keycloakPort;
		File log = new File("target/keycloak-it.log");
		ProcessBuilder start = new ProcessBuilder("bash", "../infra/keycloak/start").redirectErrorStream(true)
			.redirectOutput(log);
		start.environment().put("KEYCLOAK_PORT", String.valueOf(keycloakPort));
		keycloak = start.start();
		awaitKeycloak(log);

		int appPort = freePort();
		appUrl = "http://127.0.0.1:" + appPort;
		try (Keycloak admin = Keycloak.getInstance(keycloakUrl, "master", "admin", "admin", "admin-cli")) {
			var realm = admin.realm("sportello");
			ClientRepresentation client = realm.clients().findByClientId("sportello-web").get(0);
			client.setRedirectUris(List.of(appUrl + "/login/oauth2/code/keycloak"));
			client.getAttributes().put("post.logout.redirect.uris", appUrl + "/*");
			client.setDirectAccessGrantsEnabled(true);
			realm.clients().get(client.getId()).update(client);
			realm.users().create(person("awa.diop@example.it", "Awa", "Diop")).close();
			realm.clients().create(client("another-app", Map.of(), false)).close();
			realm.clients().create(client("sportello-batch",
					Map.of("client.use.lightweight.access.token.enabled", "true"), true)).close();
		}
		app = new SpringApplicationBuilder(SportelloApplication.class).profiles("keycloak")
			.run("--server.port=" + appPort, "--sportello.embedded-database.directory=" + data,
					"--sportello.keycloak.issuer=" + keycloakUrl + "/realms/sportello", "--sportello.demo.enabled=false",
					"--sportello.keycloak.admin.server-url=" + keycloakUrl,
					// a second client of Sportello's own, whose lightweight tokens carry no subject
					"--sportello.keycloak.accepted-clients=sportello-web,sportello-batch");
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.close();
		}
		if (keycloak != null) {
			keycloak.descendants().forEach(ProcessHandle::destroy);
			keycloak.destroy();
			keycloak.onExit().get(60, TimeUnit.SECONDS);
		}
	}

	@Test
	void signInAtKeycloaksLoginPageLandInSportelloAndSignOut() throws Exception {
		Browser browser = new Browser();

		HttpResponse<String> loginPage = browser.follow(browser.get(appUrl + "/me"));
		assertThat(loginPage.uri().toString()).startsWith(keycloakUrl + "/realms/sportello/protocol/openid-connect/auth");
		assertThat(loginPage.uri().getQuery()).contains("code_challenge_method=S256");
		String action = html(find(loginPage.body(), "<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\""));

		HttpResponse<String> me = browser.follow(browser.post(action,
				Map.of("username", "awa.diop@example.it", "password", PASSWORD, "credentialId", "")));
		assertThat(me.uri().getPath()).as(() -> feedback(me.body())).isEqualTo("/me");
		assertThat(me.body()).contains("Awa Diop");

		String csrf = find(me.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
		HttpResponse<String> afterLogout = browser.follow(browser.post(appUrl + "/logout", Map.of("_csrf", csrf)));
		assertThat(afterLogout.uri().toString()).isEqualTo(appUrl + "/");
		assertThat(browser.get(appUrl + "/me").headers().firstValue("Location")).get()
			.asString()
			.endsWith("/oauth2/authorization/keycloak");
	}

	@Test
	void onboardingInvitesTheFirstAdminThroughKeycloaksOwnEmail() throws Exception {
		try (Keycloak admin = Keycloak.getInstance(keycloakUrl, "master", "admin", "admin", "admin-cli")) {
			var realm = admin.realm("sportello");
			RealmRepresentation settings = realm.toRepresentation();
			settings.setSmtpServer(Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()), "from",
					"keycloak@sportello.example.it"));
			realm.update(settings);

			app.getBean(StaffInvitations.class).invite("Dirigente@Questura.example.it", Role.QUESTURA_ADMIN, "genova",
					Locale.ITALIAN);

			UserRepresentation invited = realm.users().searchByEmail("dirigente@questura.example.it", true).get(0);
			Account account = app.getBean(Accounts.class).findByOidcSubject(invited.getId()).orElseThrow();
			assertThat(app.getBean(Memberships.class).findByAccountId(account.getId()))
				.extracting(m -> m.getRole() + " " + m.getTenantSlug())
				.containsExactly("QUESTURA_ADMIN genova");
			assertThat(smtp.getReceivedMessages()).anySatisfy(mail -> assertThat(mail.getAllRecipients()[0].toString())
				.isEqualTo("dirigente@questura.example.it"));
		}
	}

	@Test
	void aBearerTokenOfTheRealmOpensTheApiAndOneFromAnotherIssuerDoesNot() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String token = passwordGrant(http, "sportello-web", "sportello-development-client-secret");

		HttpResponse<String> mine = api(http, token);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("\"displayName\":\"Awa Diop\"").contains("CITIZEN");

		assertThat(api(http, foreignToken()).statusCode()).isEqualTo(401);
		assertThat(api(http, "not-a-token").statusCode()).isEqualTo(401);
	}

	@Test
	void tokensOfAnotherClientWithoutSubjectTamperedOrOfAnotherIssuerNameNobody() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String good = passwordGrant(http, "sportello-web", "sportello-development-client-secret");
		assertThat(api(http, good).statusCode()).isEqualTo(200);
		assertThat(claims(good)).contains("\"azp\":\"sportello-web\"").containsPattern("\"aud\":[^,]*sportello-web")
			.contains("\"sub\":");

		String anotherClient = passwordGrant(http, "another-app", null);
		assertThat(claims(anotherClient)).contains("\"azp\":\"another-app\"");
		String noSubject = passwordGrant(http, "sportello-batch", null);
		assertThat(claims(noSubject)).contains("\"azp\":\"sportello-batch\"").doesNotContain("\"sub\":");
		String[] parts = good.split("\\.");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
				claims(good).replace("Awa Diop", "Patronato Demo").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

		for (String token : List.of(anotherClient, noSubject, tampered, foreignToken())) {
			HttpResponse<String> answer = api(http, token);
			assertThat(answer.statusCode()).as(claims(token)).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
			assertThat(answer.body()).doesNotContain("displayName");
		}
		HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/api/v1/me")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().allValues("WWW-Authenticate")).anySatisfy(v -> assertThat(v).contains("Bearer"));
	}

	@Test
	void pagesAnswerWithTheApplicationsPagesAndLeadToKeycloaksLoginAndRegistration() throws Exception {
		Browser anonymous = new Browser();
		HttpResponse<String> registration = anonymous.follow(anonymous.get(appUrl + "/register"));
		assertThat(registration.uri().getPath()).endsWith("/protocol/openid-connect/registrations");
		assertThat(registration.body()).contains("kc-register-form");
		assertThat(anonymous.follow(anonymous.get(appUrl + "/login")).uri().getPath())
			.endsWith("/protocol/openid-connect/auth");

		Browser awa = new Browser();
		HttpResponse<String> loginPage = awa.follow(awa.get(appUrl + "/login"));
		String action = html(find(loginPage.body(), "<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\""));
		assertThat(awa.follow(awa.post(action, Map.of("username", "awa.diop@example.it", "password", PASSWORD,
				"credentialId", ""))).uri().getPath()).isEqualTo("/me");

		HttpResponse<String> forbidden = awa.get(appUrl + "/admin");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(forbidden.body()).contains("Accesso non consentito");
		assertThat(awa.get(appUrl + "/login").headers().firstValue("Location")).get().asString().endsWith("/me");
		assertThat(awa.get(appUrl + "/register").headers().firstValue("Location")).get().asString().endsWith("/me");
	}

	@Test
	void theRealmAsksStaffForASecondFactorAndSportelloPutsNewStaffInItsGroup() throws Exception {
		// a demo staff member of the development realm, whose authenticator app has the README's demo secret
		Browser operator = new Browser();
		HttpResponse<String> loginPage = operator.follow(operator.get(appUrl + "/login"));
		HttpResponse<String> otp = operator.follow(operator.post(
				html(find(loginPage.body(), "<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")),
				Map.of("username", "operatore.genova@demo.sportello.it", "password", "demo-Sportello-2026",
						"credentialId", "")));
		assertThat(otp.body()).as(() -> feedback(otp.body())).contains("name=\"otp\"");
		HttpResponse<String> me = operator.follow(operator.post(
				html(find(otp.body(), "<form id=\"kc-otp-login-form\"[^>]*action=\"([^\"]+)\"")),
				Map.of("otp", SignIn.code("keycloak:operatore.genova"))));
		assertThat(me.uri().getPath()).as(() -> feedback(me.body())).isEqualTo("/me");

		// a person who becomes staff in Sportello: their next sign-in does not count, and the one after asks for OTP
		String email = "nuovo.operatore." + System.nanoTime() % 100_000 + "@example.it";
		String subject;
		try (Keycloak admin = Keycloak.getInstance(keycloakUrl, "master", "admin", "admin", "admin-cli")) {
			subject = CreatedResponseUtil.getCreatedId(admin.realm("sportello").users()
				.create(person(email, "Nuovo", "Operatore")));
		}
		Browser newcomer = new Browser();
		assertThat(signIn(newcomer, email).uri().getPath()).isEqualTo("/me");
		Account account = app.getBean(Accounts.class).findByOidcSubject(subject).orElseThrow();
		app.getBean(Memberships.class).grantStaff(account.getId(), Role.OPERATOR, "genova");
		newcomer.post(appUrl + "/logout", Map.of("_csrf", find(newcomer.get(appUrl + "/me").body(),
				"name=\"_csrf\" value=\"([^\"]+)\"")));

		Browser again = new Browser();
		HttpResponse<String> refused = signIn(again, email);
		assertThat(refused.uri().toString()).isEqualTo(appUrl + "/?signInAgain");
		try (Keycloak admin = Keycloak.getInstance(keycloakUrl, "master", "admin", "admin", "admin-cli")) {
			assertThat(admin.realm("sportello").users().get(subject).groups()).extracting(g -> g.getName())
				.containsExactly("sportello-second-factor");
		}
		HttpResponse<String> setUpOtp = signIn(new Browser(), email);
		assertThat(setUpOtp.uri().toString()).startsWith(keycloakUrl);
		assertThat(setUpOtp.body()).as(() -> feedback(setUpOtp.body())).contains("kc-totp");
	}

	private static HttpResponse<String> signIn(Browser browser, String email) throws Exception {
		HttpResponse<String> loginPage = browser.follow(browser.get(appUrl + "/login"));
		return browser.follow(browser.post(html(find(loginPage.body(), "<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")),
				Map.of("username", email, "password", PASSWORD, "credentialId", "")));
	}

	/** A person of the realm with a verified e-mail and the test's password. */
	private static UserRepresentation person(String email, String firstName, String lastName) {
		UserRepresentation user = new UserRepresentation();
		user.setUsername(email);
		user.setEmail(email);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEnabled(true);
		user.setEmailVerified(true);
		CredentialRepresentation password = new CredentialRepresentation();
		password.setType(CredentialRepresentation.PASSWORD);
		password.setValue(PASSWORD);
		password.setTemporary(false);
		user.setCredentials(List.of(password));
		return user;
	}

	/** A client of the realm that gets tokens by password (a test tool, a script): public unless it needs a secret. */
	private static ClientRepresentation client(String clientId, Map<String, String> attributes, boolean forSportello) {
		ClientRepresentation client = new ClientRepresentation();
		client.setClientId(clientId);
		client.setPublicClient(true);
		client.setDirectAccessGrantsEnabled(true);
		client.setStandardFlowEnabled(false);
		client.setAttributes(new java.util.HashMap<>(attributes));
		if (forSportello) {
			ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
			audience.setName("audience sportello-web");
			audience.setProtocol("openid-connect");
			audience.setProtocolMapper("oidc-audience-mapper");
			audience.setConfig(Map.of("included.client.audience", "sportello-web", "access.token.claim", "true",
					"lightweight.claim", "true", "introspection.token.claim", "true"));
			client.setProtocolMappers(List.of(audience));
		}
		return client;
	}

	private static String passwordGrant(HttpClient http, String clientId, String secret) throws Exception {
		Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "password", "client_id", clientId,
				"username", "awa.diop@example.it", "password", PASSWORD, "scope", "openid email profile"));
		if (secret != null) {
			form.put("client_secret", secret);
		}
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl
				+ "/realms/sportello/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return find(answer.body(), "\"access_token\":\"([^\"]+)\"");
	}

	/** The claims of a token, as JSON text. */
	private static String claims(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> api(HttpClient http, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(appUrl + "/api/v1/me"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A well-formed RS256 token, signed by a key Keycloak never had, claiming another issuer. */
	private static String foreignToken() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		long now = Instant.now().getEpochSecond();
		String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"other\"}".getBytes());
		String payload = base64.encodeToString(("{\"iss\":\"http://127.0.0.1:1/realms/other\",\"sub\":\"intruder\",\"iat\":"
				+ now + ",\"exp\":" + (now + 300) + "}").getBytes());
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(keys.getPrivate());
		signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return header + "." + payload + "." + base64.encodeToString(signature.sign());
	}

	/** Waits for the realm's discovery document; fails with the server's log if it dies or takes too long. */
	private static void awaitKeycloak(File log) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
		while (Instant.now().isBefore(deadline)) {
			if (!keycloak.isAlive()) {
				throw new AssertionError("Keycloak exited with " + keycloak.exitValue() + ":\n" + tail(log));
			}
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/sportello/.well-known/openid-configuration"))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// the server is still starting
			}
			keycloak.onExit().completeOnTimeout(null, 1, TimeUnit.SECONDS).join();
		}
		throw new AssertionError("Keycloak did not start in 4 minutes:\n" + tail(log));
	}

	private static String tail(File log) throws IOException {
		List<String> lines = Files.readAllLines(log.toPath());
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("%s in %s", regex, text.length() > 2000 ? text.substring(0, 2000) : text).isTrue();
		return matcher.group(1);
	}

	/** What Keycloak's page says went wrong, for a failure message. */
	private static String feedback(String page) {
		Matcher matcher = Pattern.compile("(?s)(kc-feedback-text|alert-error|kc-error-message|instruction)[^>]*>(.{0,300})").matcher(page);
		return matcher.find() ? matcher.group(2) : page.substring(0, Math.min(page.length(), 1500));
	}

	private static String html(String escaped) {
		return escaped.replace("&amp;", "&");
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A browser without JavaScript: cookies, and redirects followed one by one. Like Chromium, it treats the loopback
	 * address as a secure context, so Keycloak's {@code Secure} cookies come back over plain HTTP.
	 */
	static final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new LoopbackIsSecure(new CookieManager(null, CookiePolicy.ACCEPT_ALL)))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		/** Stores and returns cookies of http://127.0.0.1 as if the page were https. */
		private static final class LoopbackIsSecure extends CookieHandler {

			private final CookieHandler cookies;

			LoopbackIsSecure(CookieHandler cookies) {
				this.cookies = cookies;
			}

			@Override
			public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
				return cookies.get(secure(uri), headers);
			}

			@Override
			public void put(URI uri, Map<String, List<String>> headers) throws IOException {
				cookies.put(secure(uri), headers);
			}

			private static URI secure(URI uri) {
				return "http".equals(uri.getScheme()) ? URI.create("https" + uri.toString().substring(4)) : uri;
			}
		}

		HttpResponse<String> get(String url) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
			HttpResponse<String> current = response;
			for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
				current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()).toString());
			}
			return current;
		}
	}
}
