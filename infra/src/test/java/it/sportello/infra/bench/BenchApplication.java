package it.sportello.infra.bench;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The core of Sportello, without pages, for the benchmarks. */
@SpringBootApplication(scanBasePackages = "it.sportello.core")
@EntityScan("it.sportello.core")
@EnableJpaRepositories("it.sportello.core")
public class BenchApplication {
}
