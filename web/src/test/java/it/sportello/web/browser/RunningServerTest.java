package it.sportello.web.browser;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real port with its mail going to the test JVM's GreenMail: the one context of the browser and
 * mail tests (a second context beside the MockMvc one; every class extending this shares it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.mail.host=127.0.0.1", "sportello.rate-limits.enabled=false", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"spring.mail.properties.mail.smtp.timeout=2000",
				// two plans sold through Stripe (a stub of it: TestStripe), with small quotas the tests can fill
				"sportello.billing.plans[0].code=BASE", "sportello.billing.plans[0].name=Base",
				"sportello.billing.plans[0].quota=2", "sportello.billing.plans[0].monthly-price-cents=4900",
				"sportello.billing.plans[0].stripe-price-id=price_base", "sportello.billing.plans[1].code=MEDIO",
				"sportello.billing.plans[1].name=Medio", "sportello.billing.plans[1].quota=5",
				"sportello.billing.plans[1].monthly-price-cents=19900", "sportello.billing.plans[1].stripe-price-id=price_medio" })
abstract class RunningServerTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", TestSmtp::port);
		TestStripe.properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}
}
