package it.sportello.core.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import it.sportello.core.testsupport.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class SchemaMigrationTest {

	@Autowired
	TenantSchemas schemas;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRestartReappliesNothing() {
		CurrentTenant tenant = new TestTenants(schemas, tenants).create("roma");
		List<Map<String, Object>> platformBefore = changeLog(SchemaNames.PLATFORM);
		List<Map<String, Object>> tenantBefore = changeLog(tenant.schema());

		schemas.migratePlatformAndTenants();

		assertThat(tenantBefore).isNotEmpty();
		assertThat(changeLog(SchemaNames.PLATFORM)).isEqualTo(platformBefore);
		assertThat(changeLog(tenant.schema())).isEqualTo(tenantBefore);
	}

	@Test
	void aStartWithEverySchemaAtTheLatestChangesetRunsNoMigration() {
		new TestTenants(schemas, tenants).create("como");
		schemas.migratePlatformAndTenants();

		assertThat(schemas.migratePlatformAndTenants()).isZero();
	}

	@Test
	void aNewChangesetIsAppliedToTheSchemaThatLacksItOnly() {
		CurrentTenant tenant = new TestTenants(schemas, tenants).create("lodi");
		schemas.migratePlatformAndTenants();
		// a schema one change set behind, as after a release that adds one
		jdbc.execute("drop table " + tenant.schema() + ".audit_event");
		jdbc.execute("drop function " + tenant.schema() + ".audit_event_append_only()");
		jdbc.execute("delete from " + tenant.schema() + ".databasechangelog where id = 'tenant-6'");

		assertThat(schemas.migratePlatformAndTenants()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from " + tenant.schema() + ".audit_event", Integer.class))
			.isZero();
	}

	@Test
	void anEditedFunctionFileIsAppliedAgain() {
		CurrentTenant tenant = new TestTenants(schemas, tenants).create("pavia");
		schemas.migratePlatformAndTenants();
		String current = changeLogChecksum(tenant.schema(), "tenant-function-record-origin");
		// the schema as a release before left it: another text of the function, applied under that text's checksum
		jdbc.execute("create or replace function " + tenant.schema() + ".record_origin(p_tenant_slug varchar,"
				+ " p_reference varchar, p_entry_id bigint, p_account_id bigint, p_address varchar) returns void"
				+ " language sql as 'select null'");
		jdbc.update("update " + tenant.schema() + ".databasechangelog set md5sum = '9:00000000000000000000000000000000'"
				+ " where id = 'tenant-function-record-origin'");

		assertThat(schemas.migratePlatformAndTenants()).isEqualTo(1);
		assertThat(changeLogChecksum(tenant.schema(), "tenant-function-record-origin")).isEqualTo(current);
		assertThat(jdbc.queryForObject("select pg_get_functiondef(to_regprocedure(?))", String.class,
				tenant.schema() + ".record_origin(varchar, varchar, bigint, bigint, varchar)"))
			.contains("insert into platform.request_origin");
	}

	@Test
	void schemaNamesThatAreNotGeneratedAreRefused() {
		assertThatThrownBy(() -> schemas.migrate("public; drop schema platform"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> schemas.drop("platform")).isInstanceOf(IllegalArgumentException.class);
	}

	private String changeLogChecksum(String schema, String changeSetId) {
		return jdbc.queryForObject("select md5sum from " + schema + ".databasechangelog where id = ?", String.class,
				changeSetId);
	}

	private List<Map<String, Object>> changeLog(String schema) {
		return jdbc.queryForList(
				"select id, md5sum, dateexecuted, orderexecuted from " + schema + ".databasechangelog order by id");
	}
}
