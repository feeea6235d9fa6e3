package it.sportello.web.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast one account and one client address may search for free places and book, on all nodes together.
 * @param trustedProxies the addresses of the proxies in front of Sportello; only from them is a forwarding header
 *     believed
 */
@ConfigurationProperties("sportello.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Limit search, Limit booking,
		@DefaultValue List<String> trustedProxies) {

	public RateLimitProperties {
		search = search == null ? new Limit(60, Duration.ofMinutes(1)) : search;
		booking = booking == null ? new Limit(10, Duration.ofMinutes(10)) : booking;
		trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
	}

	/**
	 * So many requests in a period, refilled evenly over it.
	 */
	public record Limit(int requests, Duration per) {
	}
}
