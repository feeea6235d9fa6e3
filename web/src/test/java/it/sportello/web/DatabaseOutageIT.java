package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.core.association.Associations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL killed ({@code kill -9} of its postmaster) while associations book through the API, then
 * started again on the same data directory: every booking answered 201 is in the database afterwards; while it is
 * down pages that need it answer 503 with Retry-After in the person's language and the API a 503 problem (an office
 * page read before stays readable from the node's cache), readiness is DOWN and liveness UP; and the application serves again by itself when the database is back. A JVM of its own (failsafe), so
 * the other tests keep their database.
 */
class DatabaseOutageIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void noAcknowledgedBookingIsLostAndAnOutageIsA503InThePersonsLanguage(@TempDir Path data) throws Exception {
		int databasePort = freePort();
		Process restarted = null;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SportelloApplication.class).run(
				"--server.port=0", "--sportello.embedded-database.directory=" + data,
				"--sportello.embedded-database.port=" + databasePort, "--sportello.rate-limits.enabled=false",
				"--sportello.scheduling.enabled=false")) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			String schema = jdbc.queryForObject("select schema_name from platform.tenant where slug = 'genova'", String.class);
			long patronato = jdbc.queryForObject("select id from platform.association where name = 'Patronato Demo'", Long.class);
			app.getBean(Associations.class).grantPlan(patronato, "PROTOCOLLO", 100_000);
			String key = app.getBean(ApiKeys.class).issue(ApiKeyScope.association(patronato), "Carico", null).key();
			// each free place once: a slot as many times as it has room, with one practice of its counter
			Queue<long[]> places = new ConcurrentLinkedQueue<>(jdbc.query("select p.id, s.id from " + schema + ".slot s"
					+ " join lateral (select id from " + schema + ".practice p where p.service_line_id = s.service_line_id"
					+ " and p.active and p.bookable_by in ('ASSOCIATIONS', 'BOTH') and p.kind <> 'PICK_UP' order by id"
					+ " limit 1) p on true, generate_series(1, s.capacity - s.booked - s.held)"
					+ " where s.starts_at > now() + interval '3 days' and s.released_at <= now()"
					+ " and s.booked + s.held < s.capacity order by s.starts_at limit 3000",
					(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }));
			assertThat(places).hasSizeGreaterThan(500);

			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
			Map<Integer, String> refusals = new ConcurrentHashMap<>();
			AtomicBoolean stop = new AtomicBoolean();
			AtomicInteger person = new AtomicInteger();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			List<Future<?>> load = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				load.add(clients.submit(() -> {
					while (!stop.get()) {
						long[] place = places.poll();
						if (place == null) {
							return null;
						}
						HttpResponse<String> answer = book(base, key, place, person.incrementAndGet());
						answers.computeIfAbsent(answer == null ? -1 : answer.statusCode(), s -> new AtomicInteger())
							.incrementAndGet();
						if (answer != null && answer.statusCode() == 201) {
							acknowledged.add(reference(answer.body()));
						}
						if (answer != null && answer.statusCode() != 201) {
							refusals.putIfAbsent(answer.statusCode(), answer.body());
						}
					}
					return null;
				}));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 60);
			assertThat(get(base + "/q/genova", "text/html").statusCode()).isEqualTo(200);

			long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
			ProcessHandle.Info started = ProcessHandle.of(postmaster).orElseThrow().info();
			List<String> command = new ArrayList<>(List.of(started.command().orElseThrow()));
			command.addAll(List.of(started.arguments().orElseThrow()));
			new ProcessBuilder("kill", "-9", String.valueOf(postmaster)).start().waitFor();
			await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(postmaster).isEmpty());

			// down: a page that needs the database is a page in the person's language, the API a problem, both 503
			// with Retry-After, within seconds (Roma and Bergamo were not read before: nothing of them is cached)
			long asked = System.nanoTime();
			HttpResponse<String> page = get(base + "/q/roma?lang=ar", "text/html");
			assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(page.body()).contains("lang=\"ar\"").contains("الخدمة غير متاحة مؤقتاً");
			HttpResponse<String> italian = get(base + "/q/bergamo", "text/html");
			assertThat(italian.statusCode()).isEqualTo(503);
			assertThat(italian.body()).contains("Servizio momentaneamente non disponibile");
			HttpResponse<String> api = get(base + "/api/v1/q/roma/practices", "application/json");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
			assertThat(api.headers().firstValue("Retry-After")).isPresent();
			assertThat(get(base + "/actuator/health/readiness", "application/json").statusCode()).isEqualTo(503);
			assertThat(get(base + "/actuator/health/liveness", "application/json").statusCode()).isEqualTo(200);
			// the office page read before the outage is still read from the node's cache
			assertThat(get(base + "/q/genova", "text/html").statusCode()).isEqualTo(200);

			// back: the same server on the same data directory; the application recovers by itself
			restarted = restart(command, data, databasePort);
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
				.until(() -> get(base + "/q/genova", "text/html").statusCode() == 200);
			assertThat(get(base + "/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150 || places.isEmpty());
			stop.set(true);
			for (Future<?> client : load) {
				client.get(60, TimeUnit.SECONDS);
			}
			clients.shutdown();

			Set<String> found = ConcurrentHashMap.newKeySet();
			found.addAll(jdbc.queryForList("select reference from " + schema + ".booking", String.class));
			assertThat(acknowledged).as("bookings answered 201 and missing after the crash").isSubsetOf(found);
			assertThat(answers.keySet()).as("answers: %s, for example %s", answers, refusals).allSatisfy(status ->
					assertThat(status).isIn(-1, 201, 409, 503));
			System.out.printf("outage: acknowledged=%d found=%d answers=%s refusals=%s%n", acknowledged.size(),
					acknowledged.stream().filter(found::contains).count(), answers, refusals);
		}
		finally {
			if (restarted != null) {
				restarted.destroy();
				restarted.waitFor(60, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * Starts the killed server again as it was started (the same binary and arguments: data directory, port, fsync and
	 * synchronous commit on), and waits until it takes connections (after its crash recovery).
	 */
	private static Process restart(List<String> postmaster, Path data, int port) throws Exception {
		assertThat(postmaster).contains("fsync=on", "synchronous_commit=on");
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// PostgreSQL refuses to run as root: as the launcher does, in a user namespace of its own
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(postmaster);
		Process started = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.resolveSibling(data.getFileName() + "-restart.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
					"postgres", "postgres")) {
				return connection.isValid(2);
			}
		});
		return started;
	}

	private HttpResponse<String> book(String base, String key, long[] place, int person) {
		String body = "{\"practiceId\":" + place[0] + ",\"slotId\":" + place[1] + ",\"client\":{\"fullName\":\"Cliente "
				+ person + "\",\"documentType\":\"PASSPORT\",\"documentCountry\":\"SN\",\"documentNumber\":\"OUT"
				+ String.format("%06d", person) + "\",\"language\":\"it\"}}";
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/q/genova/bookings"))
				.header("X-Api-Key", key)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(20))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException lostConnection) {
			// never acknowledged: it may or may not have been booked
			return null;
		}
	}

	private HttpResponse<String> get(String url, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String reference(String json) {
		Matcher matcher = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return matcher.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
