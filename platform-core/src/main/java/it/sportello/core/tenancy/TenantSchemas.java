package it.sportello.core.tenancy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates, migrates and drops the schemas of Questure. The platform schema and every registered tenant schema are
 * brought to the latest changeset when the application starts; a schema already there is not handed to Liquibase.
 */
public class TenantSchemas {

	/** The changelog every Questura schema is built from. */
	public static final String TENANT_CHANGELOG = "classpath:db/tenant/master.yaml";

	static final String PLATFORM_CHANGELOG = "classpath:db/platform/changelog.sql";

	private static final Logger log = LoggerFactory.getLogger(TenantSchemas.class);

	private final JdbcTemplate jdbc;

	private final SchemaMigrator migrator;

	private final String tenantChangeLog;

	private final AppliedChangeSets applied;

	public TenantSchemas(DataSource dataSource, ResourceLoader resourceLoader, String tenantChangeLog) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.migrator = new SchemaMigrator(dataSource, resourceLoader);
		this.tenantChangeLog = tenantChangeLog;
		this.applied = new AppliedChangeSets(jdbc, resourceLoader);
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

	/** Migrates the schemas behind their changelog and returns how many were; the others are left untouched. */
	int migratePlatformAndTenants() {
		boolean newDatabase = jdbc.queryForObject("select to_regclass('platform.tenant') is null", Boolean.class);
		List<String> tenantSchemas = newDatabase ? List.of()
				: jdbc.queryForList("select schema_name from platform.tenant order by id", String.class);
		Map<String, String> changeLogs = new LinkedHashMap<>();
		changeLogs.put(SchemaNames.PLATFORM, PLATFORM_CHANGELOG);
		tenantSchemas.forEach(schema -> changeLogs.put(schema, tenantChangeLog));
		Set<String> behind = applied.schemasBehind(changeLogs);
		if (behind.contains(SchemaNames.PLATFORM)) {
			migrator.migrate(SchemaNames.PLATFORM, PLATFORM_CHANGELOG);
		}
		behind.stream().filter(schema -> !schema.equals(SchemaNames.PLATFORM)).forEach(this::migrate);
		log.info("Migrated {} of {} schemas (the platform and {} Questure); the others were at the latest changeset",
				behind.size(), changeLogs.size(), tenantSchemas.size());
		return behind.size();
	}
}
