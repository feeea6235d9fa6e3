package it.sportello.infra.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

	private final String host;

	private final Targets targets;

	private final List<String> keys;

	private final AtomicLong bookings = new AtomicLong();

	Requests(String host, Targets targets, List<String> keys) {
		this.host = host;
		this.targets = targets;
		this.keys = keys;
	}

	long bookingsSent() {
		return bookings.get();
	}

	/** Phase 1: a trivial endpoint of the same application that touches no database (its liveness). */
	Call ceiling(long i) {
		return get("/actuator/health/liveness", reader(i));
	}

	/** Phase 2: the office page everyone opens at release time, as a browser asks for it. */
	Call office(long i) {
		return get("/q/genova", reader(i) + "Accept: text/html,application/xhtml+xml\r\nAccept-Encoding: gzip\r\n");
	}

	/** Phase 3: a month of free days (seven in ten) or the free times of a day, across Questure. */
	Call calendar(long i) {
		return i % 10 < 7 ? month(i) : day(i);
	}

	Call month(long i) {
		Calendar target = targets.months.get((int) (i % targets.months.size()));
		return get("/api/v1/q/" + target.slug() + "/practices/" + target.practice() + "/free-days?month="
				+ target.month(), reader(i));
	}

	Call day(long i) {
		Calendar target = targets.days.get((int) (i % targets.days.size()));
		return get("/api/v1/q/" + target.slug() + "/practices/" + target.practice() + "/free-slots?day="
				+ target.day(), reader(i));
	}

	/** Phase 4: a booking through the API with an association's key, each for a different person. */
	Call booking(long ignored) {
		long n = bookings.getAndIncrement();
		Place place = targets.places.get((int) (n % targets.places.size()));
		long sender = n / BOOKINGS_PER_KEY;
		byte[] body = ("{\"practiceId\":" + place.practice() + ",\"slotId\":" + place.slot()
				+ ",\"client\":{\"fullName\":\"Cliente " + n + "\",\"documentType\":\"PASSPORT\",\"documentCountry\":\"MA\","
				+ "\"documentNumber\":\"BN%08d\"".formatted(n) + ",\"nationality\":\"MA\",\"language\":\"it\"}}")
			.getBytes(StandardCharsets.UTF_8);
		String head = "POST /api/v1/q/" + place.slug() + "/bookings HTTP/1.1\r\nHost: " + host + "\r\n"
				+ "X-Forwarded-For: 172." + (16 + sender / 65_536 % 16) + "." + (sender / 256 % 256) + "."
				+ (sender % 256) + "\r\nX-Api-Key: " + keys.get((int) (sender % keys.size()))
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
		byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), head.length() + body.length);
		System.arraycopy(body, 0, request, head.length(), body.length);
		return new Call(request, true);
	}

	/** Phase 5: the release mix: office page 40%, month 35%, day 15%, booking 10%. */
	Call mix(long i) {
		int slice = (int) (i % 20);
		return slice < 8 ? office(i) : slice < 15 ? month(i) : slice < 18 ? day(i) : booking(i);
	}

	private Call get(String path, String headers) {
		return new Call(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n")
			.getBytes(StandardCharsets.ISO_8859_1), false);
	}

	private static String reader(long i) {
		long reader = i % READERS;
		return "X-Forwarded-For: 10." + (reader / 65_536) + "." + (reader / 256 % 256) + "." + (reader % 256) + "\r\n";
	}
}
