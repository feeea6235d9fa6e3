package it.sportello.web.ratelimit;

import javax.sql.DataSource;

import it.sportello.core.tenancy.SidePools;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The rate limits, on unless {@code sportello.rate-limits.enabled=false}; after security, which names the caller. */
@Configuration
@ConditionalOnProperty(name = "sportello.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

	/**
	 * The booking buckets are written on a few connections of their own whose commits do not wait for the disk
	 * ({@code synchronous_commit = off}): a crash may forget the last second of counts, never a booking, and a booking
	 * no longer waits for two extra disk flushes of its limits (infra/bench/http: the flushes, not the work, set the
	 * booking rate). Closed with the context.
	 */
	@Bean
	RateLimiter rateLimiter(DataSource dataSource) {
		return SidePools.beside(dataSource, "rate-limits", 4, "set synchronous_commit = off")
			.map(buckets -> new RateLimiter(buckets, buckets))
			.orElseGet(() -> new RateLimiter(dataSource));
	}

	/**
	 * The filter is made while the servlet container starts, before configuration-properties beans are available to
	 * it, so its settings are bound here from the environment.
	 */
	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, Environment environment,
			MessageSource messages) {
		RateLimitProperties properties = Binder.get(environment).bindOrCreate("sportello.rate-limits",
				RateLimitProperties.class);
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limiter, properties, messages));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
