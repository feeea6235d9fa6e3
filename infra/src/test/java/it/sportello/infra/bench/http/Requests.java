package it.sportello.infra.bench.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import it.sportello.infra.bench.http.OpenLoad.Call;
import it.sportello.infra.bench.http.Targets.Calendar;
import it.sportello.infra.bench.http.Targets.Place;

/**
 * The requests of each phase, number i of a run made the same way each time. Readers come from a pool of 50,000
 * client addresses (each asks a few times a minute at the rates measured, under the search limit of 60 a minute, as
 * people refreshing a page do); every booking is a different person, from an address and with an API key that book
 * at most five times each, under the booking limit of ten in ten minutes.
 */
final class Requests {

	static final int READERS = 50_000;

	static final int BOOKINGS_PER_KEY = 5;

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final String base;

	private final Targets targets;

	private final List<String> keys;

	private final AtomicLong bookings = new AtomicLong();

	Requests(String base, Targets targets, List<String> keys) {
		this.base = base;
		this.targets = targets;
		this.keys = keys;
	}

	long bookingsSent() {
		return bookings.get();
	}

	/** Phase 1: a trivial endpoint of the same application that touches no database (its liveness). */
	Call ceiling(long i) {
		return new Call(reader("/actuator/health/liveness", i).build(), false);
	}

	/** Phase 2: the office page everyone opens at release time, as a browser asks for it. */
	Call office(long i) {
		return new Call(reader("/q/genova", i).header("Accept", "text/html,application/xhtml+xml")
			.header("Accept-Encoding", "gzip")
			.build(), false);
	}

	/** Phase 3: a month of free days (seven in ten) or the free times of a day, across Questure. */
	Call calendar(long i) {
		return i % 10 < 7 ? month(i) : day(i);
	}

	Call month(long i) {
		Calendar target = targets.months.get((int) (i % targets.months.size()));
		return new Call(reader("/api/v1/q/" + target.slug() + "/practices/" + target.practice() + "/free-days?month="
				+ target.month(), i).build(), false);
	}

	Call day(long i) {
		Calendar target = targets.days.get((int) (i % targets.days.size()));
		return new Call(reader("/api/v1/q/" + target.slug() + "/practices/" + target.practice() + "/free-slots?day="
				+ target.day(), i).build(), false);
	}

	/** Phase 4: a booking through the API with an association's key, each for a different person. */
	Call booking(long ignored) {
		long n = bookings.getAndIncrement();
		Place place = targets.places.get((int) (n % targets.places.size()));
		long sender = n / BOOKINGS_PER_KEY;
		String body = "{\"practiceId\":" + place.practice() + ",\"slotId\":" + place.slot()
				+ ",\"client\":{\"fullName\":\"Cliente " + n + "\",\"documentType\":\"PASSPORT\",\"documentCountry\":\"MA\","
				+ "\"documentNumber\":\"BN%08d\"".formatted(n) + ",\"nationality\":\"MA\",\"language\":\"it\"}}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/q/" + place.slug() + "/bookings"))
			.header("X-Forwarded-For", "172." + (16 + sender / 65_536 % 16) + "." + (sender / 256 % 256) + "."
					+ (sender % 256))
			.header("X-Api-Key", keys.get((int) (sender % keys.size())))
			.header("Content-Type", "application/json")
			.timeout(TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return new Call(request, true);
	}

	/** Phase 5: the release mix: office page 40%, month 35%, day 15%, booking 10%. */
	Call mix(long i) {
		int slice = (int) (i % 20);
		return slice < 8 ? office(i) : slice < 15 ? month(i) : slice < 18 ? day(i) : booking(i);
	}

	private HttpRequest.Builder reader(String path, long i) {
		long reader = i % READERS;
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("X-Forwarded-For", "10." + (reader / 65_536) + "." + (reader / 256 % 256) + "." + (reader % 256))
			.timeout(TIMEOUT);
	}
}
