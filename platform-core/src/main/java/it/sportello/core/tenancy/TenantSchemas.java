package it.sportello.core.tenancy;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates, migrates and drops the schemas of Questure. The platform schema and every registered tenant schema are
 * migrated when the application starts; Liquibase's change log makes a restart re-apply nothing.
 */
public class TenantSchemas {

	/** The changelog every Questura schema is built from. */
	public static final String TENANT_CHANGELOG = "classpath:db/tenant/master.yaml";

	static final String PLATFORM_CHANGELOG = "classpath:db/platform/changelog.sql";

	private static final Logger log = LoggerFactory.getLogger(TenantSchemas.class);

	private final JdbcTemplate jdbc;

	private final SchemaMigrator migrator;

	private final String tenantChangeLog;

	public TenantSchemas(DataSource dataSource, ResourceLoader resourceLoader, String tenantChangeLog) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.migrator = new SchemaMigrator(dataSource, resourceLoader);
		this.tenantChangeLog = tenantChangeLog;
	}

	/** A new, never used schema name, from the platform's sequence. */
	public String reserveName() {
		Long next = jdbc.queryForObject("select nextval('platform.tenant_schema_seq')", Long.class);
		return SchemaNames.forSequenceValue(next);
	}

	/** Creates the schema if needed and applies the tenant changelog to it. */
	public void migrate(String schema) {
		migrator.migrate(SchemaNames.requireTenantSchema(schema), tenantChangeLog);
	}

	/** Drops a tenant schema and everything in it. */
	public void drop(String schema) {
		jdbc.execute("drop schema if exists " + SchemaNames.requireTenantSchema(schema) + " cascade");
		jdbc.update("delete from platform.due_work where schema_name = ?", schema);
	}

	void migratePlatformAndTenants() {
		migrator.migrate(SchemaNames.PLATFORM, PLATFORM_CHANGELOG);
		List<String> schemas = jdbc.queryForList("select schema_name from platform.tenant order by id", String.class);
		schemas.forEach(this::migrate);
		log.info("Migrated the platform schema and {} tenant schemas", schemas.size());
	}
}
