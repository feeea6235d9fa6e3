package it.sportello.web.caching;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Conditional answers for the public pages, after security (which tells who is signed in). */
@Configuration(proxyBeanMethods = false)
class CachingConfiguration {

	@Bean
	FilterRegistrationBean<AnonymousPages> anonymousPages() {
		FilterRegistrationBean<AnonymousPages> registration = new FilterRegistrationBean<>(new AnonymousPages());
		// inside security, outside the rate limits (LOWEST_PRECEDENCE - 10): a 429 is never stored as a page
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
		return registration;
	}
}
