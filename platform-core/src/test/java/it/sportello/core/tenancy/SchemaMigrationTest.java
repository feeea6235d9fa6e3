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
	void everyRegisteredTenantIsMigratedAtStart() {
		CurrentTenant tenant = new TestTenants(schemas, tenants).create("lecco");
		// a schema one change set behind, as after a release that adds one
		jdbc.execute("drop table " + tenant.schema() + ".audit_event");
		jdbc.execute("drop function " + tenant.schema() + ".audit_event_append_only()");
		jdbc.execute("delete from " + tenant.schema() + ".databasechangelog where id = 'tenant-6'");

		schemas.migratePlatformAndTenants();

		assertThat(jdbc.queryForObject("select count(*) from " + tenant.schema() + ".audit_event", Integer.class))
			.isZero();
	}

	@Test
	void schemaNamesThatAreNotGeneratedAreRefused() {
		assertThatThrownBy(() -> schemas.migrate("public; drop schema platform"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> schemas.drop("platform")).isInstanceOf(IllegalArgumentException.class);
	}

	private List<Map<String, Object>> changeLog(String schema) {
		return jdbc.queryForList(
				"select id, md5sum, dateexecuted, orderexecuted from " + schema + ".databasechangelog order by id");
	}
}
