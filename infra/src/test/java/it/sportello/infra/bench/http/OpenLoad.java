package it.sportello.infra.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * The open-model generator: requests leave at a fixed rate whatever the answers (one thread enqueues each at its
 * intended send time and carries it on a fixed set of keep-alive connections, {@link Connections}), and each latency
 * runs from the intended send time, so a slow server cannot hide its queue by slowing the generator down (no
 * coordinated omission).
 */
final class OpenLoad {

	/**
	 * Connections to the application: more than its worker threads, so that the server, not the pool, is what is
	 * measured; requests beyond them wait for a free one, the wait counted in their latency.
	 */
	static final int CONNECTIONS = 256;

	private static final Pattern REASON = Pattern.compile("\"code\":\"([^\"]+)\"");

	private final String host;

	private final int port;

	private long allErrors;

	private long allSent;

	OpenLoad(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** Errors of every run so far: answers other than 2xx, 3xx, 429 and a booking's 409 refusal, and no answer. */
	long errors() {
		return allErrors;
	}

	/** Requests sent by every run so far. */
	long sent() {
		return allSent;
	}

	/** One request of a run, as bytes on the wire, and whether its answer's body is read (a booking's 409). */
	record Call(byte[] bytes, boolean booking) {
	}

	/** Sends {@code rate} requests a second for {@code seconds}, request number i made by {@code calls}. */
	Result run(String name, double rate, double seconds, LongFunction<Call> calls) throws IOException {
		long count = Math.max(1, Math.round(rate * seconds));
		Tally tally = new Tally();
		double nanosPerRequest = 1e9 / rate;
		long next = 0;
		long unsent = 0;
		long lost = 0;
		try (Connections connections = new Connections(host, port, CONNECTIONS)) {
			long start = System.nanoTime() + 20_000_000;
			// an overloaded server keeps every connection busy: stop sending at half again the time
			long deadline = start + (long) (seconds * 1.5e9) + 2_000_000_000L;
			long drained = deadline + 30_000_000_000L;
			while (true) {
				long now = System.nanoTime();
				long intended;
				while (next < count && (intended = start + (long) (next * nanosPerRequest)) <= now) {
					tally.lag.recordValue(Math.max(0, (now - intended) / 1000));
					Call call = calls.apply(next++);
					connections.send(new Connections.Pending(call.bytes(), intended, call.booking()));
				}
				if (next < count && now > deadline) {
					unsent = count - next;
					next = count;
				}
				if (next >= count && (connections.outstanding() == 0 || now > drained)) {
					lost = connections.outstanding();
					break;
				}
				long wait = next < count ? start + (long) (next * nanosPerRequest) - System.nanoTime() : 50_000_000;
				connections.poll(wait, tally);
			}
			tally.sendSeconds = (System.nanoTime() - start) / 1e9;
		}
		if (!tally.reasons.isEmpty()) {
			System.out.println("http:   409 refusals by reason: " + tally.reasons);
		}
		allErrors += tally.errors + lost;
		allSent += count - unsent;
		return new Result(name, rate, count - unsent, unsent, tally.sendSeconds, tally.ok, tally.tooMany,
				tally.refused, tally.errors + lost, tally.latency, tally.lag, tally.errorSample);
	}

	/** The answers of one run as they come. */
	private static final class Tally implements Connections.Answered {

		final Histogram latency = new Histogram(3);

		final Histogram lag = new Histogram(3);

		final Map<String, Integer> reasons = new TreeMap<>();

		long ok;

		long tooMany;

		long refused;

		long errors;

		double sendSeconds;

		String errorSample;

		@Override
		public void answered(Connections.Pending request, int status, String body) {
			latency.recordValue(Math.max(1, (System.nanoTime() - request.intended()) / 1000));
			if (status >= 200 && status < 400) {
				ok++;
			}
			else if (status == 429) {
				tooMany++;
			}
			else if (status == 409 && request.keepBody() && body != null && body.contains("\"code\"")) {
				refused++;
				Matcher code = REASON.matcher(body);
				reasons.merge(code.find() ? code.group(1) : "?", 1, Integer::sum);
			}
			else {
				errors++;
				if (errorSample == null) {
					String line = new String(request.bytes(), 0, Math.min(120, request.bytes().length),
							StandardCharsets.ISO_8859_1).split("\r\n")[0];
					errorSample = (status == 0 ? "no answer" : String.valueOf(status)) + " to " + line
							+ (body == null ? "" : " " + body);
				}
			}
		}
	}

	/** What one run measured. */
	record Result(String name, double offered, long sent, long unsent, double sendSeconds, long ok, long tooMany, long refused,
			long errors, Histogram latency, Histogram lag, String errorSample) {

		double p50Millis() {
			return latency.getValueAtPercentile(50) / 1000.0;
		}

		double p99Millis() {
			return latency.getValueAtPercentile(99) / 1000.0;
		}

		/** Held: p99 under 300 ms, no errors, under 1% of the answers 429. */
		boolean held() {
			return p99Millis() < 300 && errors == 0 && unsent == 0 && tooMany < sent * 0.01;
		}

		void print() {
			System.out.printf(Locale.ROOT,
					"http: phase=%s offered_rps=%.0f sent=%d unsent=%d achieved_send_rps=%.0f ok=%d 429=%d refused_409=%d"
							+ " errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f send_lag_p99_ms=%.1f held=%s%n",
					name, offered, sent, unsent, sent / sendSeconds, ok, tooMany, refused, errors, p50Millis(), p99Millis(),
					latency.getMaxValue() / 1000.0, lag.getValueAtPercentile(99) / 1000.0, held());
			if (errorSample != null) {
				System.out.println("http:   first error: " + errorSample.substring(0, Math.min(300, errorSample.length())));
			}
		}
	}
}
