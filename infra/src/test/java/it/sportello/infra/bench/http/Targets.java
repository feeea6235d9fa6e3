package it.sportello.infra.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;

/**
 * What the generator asks for, found through the public API as a client would: in every Questura the practices, their
 * free days this month and next (the calendar's targets) and, for practices associations book, the free places of
 * some days (the booking's targets, one entry per place, shuffled so that bookings spread over many slots).
 */
final class Targets {

	/** A practice of a Questura and a month or day to ask about. */
	record Calendar(String slug, long practice, String month, String day) {
	}

	/** A free place: a slot a practice books. */
	record Place(String slug, long practice, long slot) {
	}

	private final HttpClient client;

	private final String base;

	private final AtomicLong addresses = new AtomicLong();

	final List<Calendar> months = Collections.synchronizedList(new ArrayList<>());

	final List<Calendar> days = Collections.synchronizedList(new ArrayList<>());

	final List<Place> places = Collections.synchronizedList(new ArrayList<>());

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	Targets(HttpClient client, String base) {
		this.client = client;
		this.base = base;
	}

	/** Finds the targets in every Questura, sixteen at a time; returns the number of requests it took. */
	long find(List<String> slugs) throws InterruptedException, ExecutionException {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<?>> work = new ArrayList<>();
		for (String slug : slugs) {
			work.add(pool.submit(() -> {
				questura(slug);
				return null;
			}));
		}
		for (Future<?> each : work) {
			each.get();
		}
		pool.shutdown();
		Collections.shuffle(places, new Random(16));
		Collections.shuffle(months, new Random(16));
		Collections.shuffle(days, new Random(16));
		return addresses.get();
	}

	private void questura(String slug) throws Exception {
		YearMonth now = YearMonth.now(ZoneId.of("Europe/Rome"));
		List<Map<String, Object>> practices = JsonPath.read(get("/api/v1/q/" + slug + "/practices"),
				"$[?(@.kind != 'PICK_UP')]");
		int forAssociations = 0;
		for (Map<String, Object> practice : practices.subList(0, Math.min(6, practices.size()))) {
			long id = ((Number) practice.get("id")).longValue();
			boolean books = !"CITIZENS".equals(practice.get("bookableBy")) && forAssociations++ < 3;
			for (YearMonth month : List.of(now, now.plusMonths(1))) {
				List<String> free = JsonPath.read(get("/api/v1/q/" + slug + "/practices/" + id + "/free-days?month="
						+ month), "$[*]");
				months.add(new Calendar(slug, id, month.toString(), null));
				free.forEach(day -> days.add(new Calendar(slug, id, null, day)));
				if (books && month.equals(now.plusMonths(1))) {
					for (String day : free.subList(0, Math.min(5, free.size()))) {
						places(slug, id, day);
					}
				}
			}
		}
	}

	private void places(String slug, long practice, String day) throws Exception {
		List<Map<String, Object>> slots = JsonPath.read(get("/api/v1/q/" + slug + "/practices/" + practice
				+ "/free-slots?day=" + day), "$[*]");
		for (Map<String, Object> slot : slots) {
			// practices of the same service line share its slots: each place once
			if (!seen.add(slug + "/" + slot.get("id"))) {
				continue;
			}
			for (int i = 0; i < ((Number) slot.get("free")).intValue(); i++) {
				places.add(new Place(slug, practice, ((Number) slot.get("id")).longValue()));
			}
		}
	}

	/** A client address no other request of the setup uses, so the search limit never bites here. */
	private String get(String path) throws Exception {
		long n = addresses.incrementAndGet();
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("X-Forwarded-For", "192.168." + (n / 250 % 250) + "." + (n % 250 + 1))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}
}
