package it.sportello.infra.embeddeddb;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its data when no datasource is configured.
 * @param directory the data directory; it survives restarts (default {@code ./data/postgres})
 * @param port the port to listen on, 0 for any free port
 */
@ConfigurationProperties("sportello.embedded-database")
record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") Path directory, @DefaultValue("0") int port) {
}
