package it.sportello.admin;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The Spring Boot configuration of the tenant-admin tests: admin and core beans on the test database. */
@SpringBootApplication(scanBasePackages = "it.sportello")
@EntityScan("it.sportello")
@EnableJpaRepositories("it.sportello")
public class AdminTestApplication {
}
