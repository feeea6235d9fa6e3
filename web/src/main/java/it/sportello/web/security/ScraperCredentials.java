package it.sportello.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credentials a metrics scraper (Prometheus) sends with HTTP Basic to {@code /actuator/prometheus}. With no
 * password set, the metrics are closed to everyone.
 * @param username the scraper's user name
 * @param password its password (for example {@code SPORTELLO_ACTUATOR_SCRAPER_PASSWORD}); none by default
 */
@ConfigurationProperties("sportello.actuator.scraper")
record ScraperCredentials(String username, String password) {

	ScraperCredentials {
		username = username == null || username.isBlank() ? "prometheus" : username;
	}

	boolean configured() {
		return password != null && !password.isBlank();
	}
}
