package it.sportello.infra.embeddeddb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no datasource configured, starts a PostgreSQL server from the binaries shipped in a Maven artifact, on a data
 * directory that survives restarts, so that the application runs on a fresh machine with no database installed.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(NoDataSourceConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path directory = properties.directory().toAbsolutePath().normalize();
		Files.createDirectories(directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(properties.port())
			// the launcher gives up after 10 s, which a busy two-core machine exceeded while others built: the start failed
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("timezone", "UTC")
			// durable: the launcher turns fsync and synchronous commit off for tests' speed (-F, synchronous_commit=off);
			// an acknowledged booking must survive a crash of the server (the later -c settings win)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
		log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
		return postgres;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("embedded");
		dataSource.setMaximumPoolSize(10);
		// an unreachable database fails a request within seconds (503), and the pool heals when it is back
		dataSource.setConnectionTimeout(3_000);
		dataSource.setValidationTimeout(1_000);
		dataSource.addDataSourceProperty("connectTimeout", "3");
		dataSource.addDataSourceProperty("socketTimeout", "60");
		return dataSource;
	}
}
