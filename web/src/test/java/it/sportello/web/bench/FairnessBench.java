package it.sportello.web.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import it.sportello.core.booking.ReleaseDraw;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.SportelloApplication;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fairness benchmark (a program that prints figures, not a test): the application runs on its embedded
 * database with its rate limits; over HTTP, through the real sign-in and booking pages, a bot with 20 accounts and 20
 * person keys fires as fast as it can while 200 people, each with their own account, act at human pace, all for a
 * release of 100 places. Run once with the release draw and once first come, first served; it prints the bot's share
 * of the places in each. Usage: infra/bench/fairness
 */
public final class FairnessBench {

	static final int PLACES = 100;

	static final int HUMANS = 200;

	static final int BOTS = 20;

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SLOT = Pattern.compile("name=\"slotId\" id=\"slot-(\\d+)\"");

	private FairnessBench() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Files.createTempDirectory("sportello-fairness");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SportelloApplication.class).run(
				"--server.port=0", "--sportello.embedded-database.directory=" + data, "--sportello.demo.enabled=false",
				"--sportello.rate-limits.trusted-proxies=127.0.0.1", "--sportello.draw.every=1s",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			double draw = run(app, port, 60, "draw");
			double fcfs = run(app, port, 0, "fcfs");
			System.out.printf("fairness: bot_share_draw=%.3f bot_share_fcfs=%.3f fair_share=%.3f%n", draw, fcfs,
					(double) BOTS / (BOTS + HUMANS));
		}
	}

	/** One release: returns the share of its places the bot's accounts hold at the end. */
	static double run(ConfigurableApplicationContext app, int port, int drawWindowSeconds, String name)
			throws Exception {
		AgendaFixtures fixtures = new AgendaFixtures(app);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		Agenda agenda = fixtures.newQuestura("fiera-" + name);
		String schema = agenda.tenant().schema();
		String slug = agenda.tenant().id().slug();
		jdbc.update("update " + schema + ".office_profile set release_days_ahead = 14, release_time = '14:00',"
				+ " draw_window_seconds = ?", drawWindowSeconds);
		LocalDate day = AgendaFixtures.workingDayAhead(14);
		List<Long> slots = new ArrayList<>();
		for (int i = 0; i < PLACES; i++) {
			long slot = fixtures.slotAt(agenda, day.atTime(8, 0).plusMinutes(5L * i).atZone(ROME).toInstant(), 1);
			slots.add(slot);
		}
		// not open while everybody signs in; the release is set once all are ready
		jdbc.update("update " + schema + ".slot set released_at = now() + interval '1 hour'");
		Citizens citizens = new Citizens(app);
		String base = "http://localhost:" + port;
		String practice = "/q/" + slug + "/book/" + agenda.application();

		List<Client> humans = new ArrayList<>();
		List<Client> bots = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(64);
		List<Future<Client>> prepared = new ArrayList<>();
		for (int i = 0; i < HUMANS + BOTS; i++) {
			boolean bot = i >= HUMANS;
			Citizen account = citizens.create((bot ? "Bot " : "Persona ") + i);
			// each person from their own address; the bot's accounts share four
			String address = bot ? "198.51.100." + (i % 4 + 1) : "10." + (i / 250) + "." + (i % 250) + ".7";
			int index = i;
			prepared.add(pool.submit(() -> Client.prepared(base, practice, account, address, bot, index)));
		}
		for (Future<Client> future : prepared) {
			Client client = future.get();
			(client.bot ? bots : humans).add(client);
		}
		Instant release = Instant.now().plusSeconds(5);
		jdbc.update("update " + schema + ".slot set released_at = ?", Timestamp.from(release));
		System.out.printf("%s: %d people and %d bot accounts signed in and gave their details; release at %s%n", name,
				humans.size(), bots.size(), release);

		List<Future<?>> work = new ArrayList<>();
		for (Client bot : bots) {
			work.add(pool.submit(() -> bot.storm(release, slots)));
		}
		for (Client human : humans) {
			long pause = ThreadLocalRandom.current().nextLong(5_000, 55_000);
			work.add(pool.submit(() -> human.atHumanPace(release.plusMillis(pause), day)));
		}
		for (Future<?> future : work) {
			future.get();
		}
		pool.shutdown();
		if (drawWindowSeconds > 0) {
			until(release.plusSeconds(drawWindowSeconds + 1));
			app.getBean(ReleaseDraw.class).drawDue();
			// the scheduled draw may have claimed the release first: wait until it has decided every entry
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
					"select count(*) from " + schema + ".release_entry where status in ('ENTERED', 'DRAWING')",
					Integer.class) == 0);
		}
		List<Long> botAccounts = bots.stream().map(c -> c.account.accountId()).toList();
		int total = jdbc.queryForObject("select count(*) from " + schema + ".booking where status = 'BOOKED'",
				Integer.class);
		int byBot = jdbc.queryForObject("select count(*) from " + schema + ".booking where status = 'BOOKED'"
				+ " and account_id = any(?)", Integer.class, (Object) botAccounts.toArray(Long[]::new));
		Map<String, Long> outcomes = new LinkedHashMap<>();
		for (Client c : bots) {
			c.outcomes.forEach((k, v) -> outcomes.merge("bot " + k, v, Long::sum));
		}
		for (Client c : humans) {
			c.outcomes.forEach((k, v) -> outcomes.merge("person " + k, v, Long::sum));
		}
		Map<String, Integer> entries = new LinkedHashMap<>();
		jdbc.query("select status || coalesce(':' || outcome, ''), count(*) from " + schema + ".release_entry group by 1"
				+ " order by 1", rs -> {
					entries.put(rs.getString(1), rs.getInt(2));
				});
		System.out.printf("%s: %d of %d places booked, %d by the bot (share %.3f); answers %s; draw entries %s%n", name,
				total, PLACES, byBot, (double) byBot / PLACES, outcomes, entries);
		return (double) byBot / PLACES;
	}

	/** Waits until the instant has come: a release, a person's arrival, the end of their thinking. */
	static void until(Instant instant) {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
			.until(() -> !Instant.now().isBefore(instant));
	}

	/** A browser-like client: cookies, the CSRF token of the last page, an address its proxy forwards. */
	static final class Client {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

		final String base;

		final String practice;

		final Citizen account;

		final String address;

		final boolean bot;

		final Map<String, Long> outcomes = new java.util.concurrent.ConcurrentHashMap<>();

		String csrf;

		Client(String base, String practice, Citizen account, String address, boolean bot) {
			this.base = base;
			this.practice = practice;
			this.account = account;
			this.address = address;
			this.bot = bot;
		}

		static Client prepared(String base, String practice, Citizen account, String address, boolean bot, int index)
				throws Exception {
			Client client = new Client(base, practice, account, address, bot);
			client.get("/login");
			client.post("/login", Map.of("email", account.email(), "password", Citizens.PASSWORD));
			client.get(practice);
			client.post(practice, Map.of("fullName", account.name(), "idKind", "DOC", "documentType", "PASSPORT",
					"documentCountry", "SN", "documentNumber", "FB" + String.format("%07d", index) + account.accountId(),
					"nationality", "SN", "birthDate", "1990-01-01", "email", account.email(), "privacy", "true"));
			return client;
		}

		/** The bot: from just before the release, every place in turn, as fast as answers come. */
		Void storm(Instant release, List<Long> slots) throws Exception {
			until(release.minusMillis(200));
			List<Long> order = new ArrayList<>(slots);
			Collections.shuffle(order, new Random(account.accountId()));
			Instant giveUp = release.plusSeconds(70);
			for (int i = 0; Instant.now().isBefore(giveUp); i = (i + 1) % order.size()) {
				String outcome = attempt(order.get(i));
				outcomes.merge(outcome, 1L, Long::sum);
				if (outcome.equals("booked") || outcome.equals("entered") || outcome.equals("already")) {
					return null;
				}
			}
			return null;
		}

		/** A person: comes a little after the release, looks at the free times of the day, picks one, tries twice more. */
		Void atHumanPace(Instant arrives, LocalDate day) throws Exception {
			until(arrives);
			for (int tries = 0; tries < 3; tries++) {
				String page = get(practice + "/when?month=" + day.toString().substring(0, 7) + "&day=" + day).body();
				List<Long> free = new ArrayList<>();
				Matcher m = SLOT.matcher(page);
				while (m.find()) {
					free.add(Long.parseLong(m.group(1)));
				}
				if (free.isEmpty()) {
					outcomes.merge("nothing free", 1L, Long::sum);
					return null;
				}
				// a person reads the times and chooses: one to four seconds
				until(Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(1_000, 4_000)));
				String outcome = attempt(free.get(ThreadLocalRandom.current().nextInt(free.size())));
				outcomes.merge(outcome, 1L, Long::sum);
				if (!outcome.equals("taken")) {
					return null;
				}
			}
			return null;
		}

		String attempt(long slot) throws Exception {
			HttpResponse<String> chosen = post(practice + "/when", Map.of("slotId", String.valueOf(slot)));
			if (chosen.statusCode() == 429) {
				return "limited";
			}
			if (chosen.statusCode() != 302) {
				return "taken";
			}
			get(practice + "/confirm");
			HttpResponse<String> confirmed = post(practice + "/confirm", Map.of());
			if (confirmed.statusCode() == 302) {
				return "booked";
			}
			if (confirmed.statusCode() == 429) {
				return "limited";
			}
			if (confirmed.statusCode() == 200 && confirmed.body().contains("id=\"entered\"")) {
				return "entered";
			}
			if (confirmed.body().contains("ha già una richiesta") || confirmed.body().contains("già un appuntamento")) {
				return "already";
			}
			return "taken";
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
			remember(response.body());
			return response;
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			Map<String, String> fields = new LinkedHashMap<>(form);
			if (csrf != null) {
				fields.put("_csrf", csrf);
			}
			String body = fields.entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			HttpResponse<String> response = http.send(request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			remember(response.body());
			return response;
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(base + path)).header("X-Forwarded-For", address)
				.timeout(Duration.ofSeconds(30));
		}

		private void remember(String page) {
			Matcher m = CSRF.matcher(page);
			if (m.find()) {
				csrf = m.group(1);
			}
		}
	}
}
