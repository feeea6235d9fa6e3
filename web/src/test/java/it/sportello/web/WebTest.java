package it.sportello.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** The whole application with MockMvc on the test database: one Spring context shared by the web tests. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "sportello.rate-limits.enabled=false", "sportello.links.base=" + WebTest.LINKS_BASE,
		"sportello.actuator.scraper.password=" + WebTest.SCRAPER_PASSWORD })
@AutoConfigureMockMvc
public @interface WebTest {

	/** The metrics scraper's password in the web tests. */
	String SCRAPER_PASSWORD = "scraper-test-password";

	/** The public address the web tests' mails link to. */
	String LINKS_BASE = "https://sportello.example.it";
}
