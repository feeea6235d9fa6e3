package it.sportello.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot configuration of the platform-core tests: the core beans on the test database. */
@SpringBootApplication
public class CoreTestApplication {
}
