package it.sportello.core;

import it.sportello.core.testsupport.RecordingEvents;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot configuration of the platform-core tests: the core beans on the test database. */
@SpringBootApplication
public class CoreTestApplication {

	@Bean
	RecordingEvents recordingEvents() {
		return new RecordingEvents();
	}
}
