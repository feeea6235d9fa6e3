package it.sportello.infra.bench.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import it.sportello.infra.bench.http.Ladder.Found;
import it.sportello.infra.bench.http.OpenLoad.Result;

/**
 * The release storm over HTTP (a program that prints figures, not a test): starts the packaged application on its
 * embedded defaults with 100 Questure, drives it with an open-model generator through its rate limits, and prints the
 * highest rate each kind of request holds, the page weight, the idle database work, the warm start and the memory.
 * The last line is the summary the issue asks for. Usage: infra/bench/http [phase=20 step=8 warmup=5 idle=60 extra=97]
 */
public final class HttpBench {

	/** API keys for the bookings: five bookings each, so up to 100,000 bookings in a run. */
	static final int KEYS = 20_000;

	private HttpBench() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(args);
		Path data = Files.createTempDirectory("sportello-http");
		System.out.println("http: settings " + settings + ", data in " + data);
		try (App app = new App(jar(), data, settings.extraQuesture())) {
			System.out.printf(Locale.ROOT, "http: first start with %d Questure took %.1f s%n",
					3 + settings.extraQuesture(), app.start());
			new HttpBench().storm(app, settings, new OpenLoad("127.0.0.1", app.httpPort()));
		}
		// the data directory of a run is of no use afterwards (hundreds of MB)
		try (Stream<Path> files = Files.walk(data)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		System.exit(0);
	}

	private void storm(App app, Settings settings, OpenLoad load) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		PageWeight.Weight page = new PageWeight(client).of(app.base() + "/q/genova");
		System.out.printf(Locale.ROOT, "http: page /q/genova resources=%d first_bytes=%d repeat_bytes=%d%n",
				page.resources(), page.first(), page.repeat());
		long errors;
		long oversold;
		long rss;
		double idle;
		Found ceiling;
		Found office;
		Found calendar;
		Found booking;
		Found mix;
		Result calendar500;
		try (Database database = new Database(app.jdbcUrl())) {
			List<String> keys = database.associationKeys(50, KEYS);
			Targets targets = new Targets(client, app.base());
			long setup = targets.find(database.slugs());
			System.out.printf(Locale.ROOT, "http: setup %d requests; %d month targets, %d day targets, %d free places"
					+ " for bookings, %d API keys%n", setup, targets.months.size(), targets.days.size(),
					targets.places.size(), keys.size());
			Requests requests = new Requests(app.base().substring("http://".length()), targets, keys);
			Ladder ladder = new Ladder(load, settings);
			double[] cpu = { app.cpuSeconds(), App.benchCpuSeconds(), System.nanoTime() / 1e9, load.sent() };
			ceiling = ladder.climb("ceiling", 500, 64_000, requests::ceiling);
			double wall = System.nanoTime() / 1e9 - cpu[2];
			// the generator is not the limit if it used well under a core while the application took the rest
			double generator = App.benchCpuSeconds() - cpu[1];
			System.out.printf(Locale.ROOT, "http: ceiling phase cpu: application %.2f cores, generator %.2f cores,"
					+ " generator %.0f us of cpu a request%n", (app.cpuSeconds() - cpu[0]) / wall, generator / wall,
					generator * 1e6 / (load.sent() - cpu[3]));
			office = ladder.climb("office", 25, 8_000, requests::office);
			calendar = ladder.climb("calendar", 50, 16_000, requests::calendar);
			calendar500 = load.run("calendar-at-500", 500, settings.phaseSeconds(), requests::calendar);
			calendar500.print();
			booking = ladder.climb("booking", 25, 4_000, requests::booking);
			mix = ladder.climb("mix", 25, 8_000, requests::mix);
			rss = app.rssMegabytes();
			oversold = database.oversold();
			System.out.printf(Locale.ROOT, "http: %d bookings sent, %d booked by the benchmark, rss after the storm"
					+ " %d MB%n", requests.bookingsSent(), database.benchBookings(), rss);
			errors = load.errors();
			// the work the storm left (events, mails) is done first: the idle figure is the steady state
			Thread.sleep(15_000);
			System.out.println("http: load average before the idle phase " + Files.readString(Path.of("/proc/loadavg")).strip());
			long before = database.transactions();
			Thread.sleep(settings.idleSeconds() * 1000L);
			// minus the benchmark's own reading
			idle = (database.transactions() - before - 1) / (double) settings.idleSeconds();
		}
		app.stop();
		System.out.println("http: load average before the warm start " + Files.readString(Path.of("/proc/loadavg")).strip());
		double start = app.start();
		app.stop();
		System.out.printf(Locale.ROOT, "http: ceiling_rps=%.0f office_rps=%.0f office_p99_ms=%.0f calendar_rps=%.0f"
				+ " calendar_p99_ms=%.0f mix_rps=%.0f mix_p99_ms=%.0f booking_rps=%.0f oversold=%d errors=%d"
				+ " page_kb_first=%d page_kb_repeat=%d idle_tx_per_s=%.1f start_s=%.1f rss_mb=%d%n", ceiling.rate(),
				office.rate(), office.result().p99Millis(), calendar.rate(), calendar500.p99Millis(), mix.rate(),
				mix.result().p99Millis(), booking.rate(), oversold, errors, page.firstKb(), page.repeatKb(), idle, start,
				rss);
	}

	/** The application's jar as {@code mvn -pl web -am install} packaged it. */
	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("web", "target"))) {
			return files.filter(p -> p.getFileName().toString().matches("web-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No web/target/web-*.jar: build it first"))
				.toAbsolutePath();
		}
	}
}
