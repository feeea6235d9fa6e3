package it.sportello.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The one deployable Sportello application. */
@SpringBootApplication(scanBasePackages = "it.sportello")
@EntityScan("it.sportello")
@EnableJpaRepositories("it.sportello")
public class SportelloApplication {

	public static void main(String[] args) {
		SpringApplication.run(SportelloApplication.class, args);
	}
}
