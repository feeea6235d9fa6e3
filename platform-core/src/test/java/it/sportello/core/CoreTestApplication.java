package it.sportello.core;

import it.sportello.core.testsupport.RecordingEvents;
import it.sportello.core.testsupport.StatementCounter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot configuration of the platform-core tests: the core beans on the test database. */
@SpringBootApplication
public class CoreTestApplication {

	@Bean
	RecordingEvents recordingEvents() {
		return new RecordingEvents();
	}

	/** Counts the SQL a test's work sends (the jobs' cost when nothing is due). */
	@Bean
	static StatementCounter statementCounter() {
		return new StatementCounter();
	}
}
