package it.sportello.web.ratelimit;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The rate limits, on unless {@code sportello.rate-limits.enabled=false}; after security, which names the caller. */
@Configuration
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnProperty(name = "sportello.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	RateLimiter rateLimiter(DataSource dataSource) {
		return new RateLimiter(dataSource);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, RateLimitProperties properties,
			MessageSource messages) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limiter, properties, messages));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
