package it.sportello.web.caching;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import it.sportello.core.cache.ReadCaches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The public pages, kept and answered conditionally, after security (which tells who is signed in). */
@Configuration(proxyBeanMethods = false)
class CachingConfiguration {

	/** At most this much rendered HTML and JSON on a node (an office page is about 26 KB before compression). */
	private static final long PAGES_BYTES = 32L * 1024 * 1024;

	@Bean
	FilterRegistrationBean<AnonymousPages> anonymousPages(ReadCaches caches,
			@Value("${sportello.read-cache.office:60s}") Duration ttl) {
		AnonymousPages filter = new AnonymousPages(caches, Caffeine.newBuilder()
			.expireAfterWrite(ttl)
			.maximumWeight(PAGES_BYTES)
			.weigher((AnonymousPages.PageKey key, AnonymousPages.Page page) -> page.body().length + (page.gzipped() == null ? 0 : page.gzipped().length) + 200)
			.build());
		FilterRegistrationBean<AnonymousPages> registration = new FilterRegistrationBean<>(filter);
		// inside security, outside the rate limits (LOWEST_PRECEDENCE - 10): a 429 is never kept as a page
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
		return registration;
	}
}
