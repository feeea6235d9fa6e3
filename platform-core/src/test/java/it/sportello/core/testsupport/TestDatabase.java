package it.sportello.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one embedded PostgreSQL of a test JVM, started on first use and stopped when the JVM exits. Every Spring test
 * context of the JVM points at it (see {@link TestDatabaseContextCustomizerFactory}).
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static synchronized EmbeddedPostgres get() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC")
					.setServerConfig("max_connections", "300")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The embedded PostgreSQL for the tests could not start", ex);
			}
		}
		return postgres;
	}

	public static String jdbcUrl() {
		return get().getJdbcUrl("postgres", "postgres");
	}
}
