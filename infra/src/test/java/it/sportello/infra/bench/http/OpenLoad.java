package it.sportello.infra.bench.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The open-model generator: requests leave at a fixed rate whatever the answers (one thread firing at each intended
 * send time, the JDK's asynchronous client carrying them), and each latency runs from the intended send time, so a
 * slow server cannot hide its queue by slowing the generator down (no coordinated omission).
 */
final class OpenLoad {

	/**
	 * More requests than this in flight wait for a free one, the wait counted in their latency: without a bound the
	 * client opens a connection for every waiting request and an overloaded server drowns in new connections.
	 */
	static final int MAX_IN_FLIGHT = 256;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		// two threads complete the answers; the selector has its own
		.executor(Executors.newFixedThreadPool(2, r -> {
			Thread thread = new Thread(r, "bench-http");
			thread.setDaemon(true);
			return thread;
		}))
		.build();

	private static final Pattern REASON = Pattern.compile("\"code\":\"([^\"]+)\"");

	private final AtomicLong allErrors = new AtomicLong();

	private final AtomicLong allSent = new AtomicLong();

	HttpClient client() {
		return client;
	}

	/** Errors of every run so far: answers other than 2xx, 3xx, 429 and a booking's 409 refusal, and no answer. */
	long errors() {
		return allErrors.get();
	}

	/** Requests sent by every run so far. */
	long sent() {
		return allSent.get();
	}

	/** One request of a run, and whether its answer must be read (a booking's 409 is told apart by its body). */
	record Call(HttpRequest request, boolean booking) {
	}

	/** Sends {@code rate} requests a second for {@code seconds}, request number i made by {@code calls}. */
	Result run(String name, double rate, double seconds, LongFunction<Call> calls) {
		long count = Math.max(1, Math.round(rate * seconds));
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		Histogram latency = new ConcurrentHistogram(3);
		Histogram lag = new ConcurrentHistogram(3);
		AtomicLong ok = new AtomicLong();
		AtomicLong tooMany = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		Map<String, Integer> reasons = new ConcurrentHashMap<>();
		AtomicLong errors = new AtomicLong();
		AtomicLong firstError = new AtomicLong(-1);
		String[] errorSample = new String[1];
		double nanosPerRequest = 1e9 / rate;
		long start = System.nanoTime() + 20_000_000;
		// an overloaded server holds every request in flight and so the sender: stop sending at half again the time
		long deadline = start + (long) (seconds * 1.5e9) + 2_000_000_000L;
		long unsent = 0;
		for (long i = 0; i < count; i++) {
			if (System.nanoTime() > deadline) {
				unsent = count - i;
				break;
			}
			long intended = start + (long) (i * nanosPerRequest);
			long now;
			while ((now = System.nanoTime()) < intended) {
				LockSupport.parkNanos(intended - now);
			}
			inFlight.acquireUninterruptibly();
			lag.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
			Call call = calls.apply(i);
			HttpResponse.BodyHandler<String> body = call.booking() ? HttpResponse.BodyHandlers.ofString()
					: HttpResponse.BodyHandlers.replacing(null);
			client.sendAsync(call.request(), body).whenComplete((response, failure) -> {
				latency.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
				int status = failure == null ? response.statusCode() : 0;
				if (status >= 200 && status < 400) {
					ok.incrementAndGet();
				}
				else if (status == 429) {
					tooMany.incrementAndGet();
				}
				else if (status == 409 && call.booking() && response.body() != null
						&& response.body().contains("\"code\"")) {
					refused.incrementAndGet();
					Matcher code = REASON.matcher(response.body());
					reasons.merge(code.find() ? code.group(1) : "?", 1, Integer::sum);
				}
				else {
					errors.incrementAndGet();
					if (firstError.compareAndSet(-1, status)) {
						errorSample[0] = failure != null ? failure.toString()
								: status + " " + call.request().uri() + " "
										+ (response.body() == null ? "" : response.body());
					}
				}
				inFlight.release();
			});
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		boolean drained;
		try {
			drained = inFlight.tryAcquire(MAX_IN_FLIGHT, 30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		long lost = drained ? 0 : MAX_IN_FLIGHT - inFlight.availablePermits();
		if (drained) {
			inFlight.release(MAX_IN_FLIGHT);
		}
		allErrors.addAndGet(errors.get() + lost);
		allSent.addAndGet(count - unsent);
		if (!reasons.isEmpty()) {
			System.out.println("http:   409 refusals by reason: " + reasons);
		}
		return new Result(name, rate, count - unsent, unsent, sendSeconds, ok.get(), tooMany.get(), refused.get(), errors.get() + lost,
				latency, lag, errorSample[0]);
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
