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
		properties = { "spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"spring.mail.properties.mail.smtp.timeout=2000" })
abstract class RunningServerTest {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", TestSmtp::port);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}
}
