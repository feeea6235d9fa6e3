package it.sportello.core.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Applies one Liquibase changelog to one schema; each schema keeps its own change log table. */
final class SchemaMigrator {

	private final DataSource dataSource;

	private final ResourceLoader resourceLoader;

	SchemaMigrator(DataSource dataSource, ResourceLoader resourceLoader) {
		this.dataSource = dataSource;
		this.resourceLoader = resourceLoader;
	}

	void migrate(String schema, String changeLog) {
		SchemaNames.requireKnownSchema(schema);
		try (Connection connection = dataSource.getConnection()) {
			try (var statement = connection.createStatement()) {
				statement.execute("create schema if not exists " + schema);
			}
			// the changelogs name their tables unqualified: the connection's schema decides where they go
			connection.setSchema(schema);
			SpringLiquibase liquibase = new SpringLiquibase();
			liquibase.setDataSource(new SingleConnectionDataSource(connection, true));
			liquibase.setResourceLoader(resourceLoader);
			liquibase.setChangeLog(changeLog);
			liquibase.setDefaultSchema(schema);
			liquibase.setLiquibaseSchema(schema);
			liquibase.afterPropertiesSet();
			connection.setSchema(SchemaNames.PLATFORM);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not migrate schema " + schema, ex);
		}
		catch (Exception ex) {
			throw new SchemaMigrationFailed(schema, ex);
		}
	}
}
