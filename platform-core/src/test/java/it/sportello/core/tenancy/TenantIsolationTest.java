package it.sportello.core.tenancy;

import static it.sportello.core.testsupport.OfficeBuilders.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.core.office.Sites;
import it.sportello.core.testsupport.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class TenantIsolationTest {

	@Autowired
	TenantSchemas schemas;

	@Autowired
	Tenants tenants;

	@Autowired
	Sites sites;

	@Autowired
	JdbcTemplate jdbc;

	CurrentTenant genova;

	CurrentTenant bergamo;

	@BeforeEach
	void twoQuesture() {
		TestTenants testTenants = new TestTenants(schemas, tenants);
		genova = testTenants.create("genova");
		bergamo = testTenants.create("bergamo");
	}

	@Test
	void dataWrittenInOneTenantIsInvisibleFromAnother() {
		TenantContext.runAs(genova, () -> sites.save(site("SAFFI")));

		assertThat(TenantContext.callAs(genova, sites::findAll)).extracting("code").containsExactly("SAFFI");
		assertThat(TenantContext.callAs(bergamo, sites::findAll)).isEmpty();
		assertThat(TenantContext.callAs(bergamo, () -> sites.findByCode("SAFFI"))).isEmpty();
	}

	@Test
	void rawSqlFindsTheRowOnlyInTheWritingTenantsSchema() {
		TenantContext.runAs(bergamo, () -> sites.save(site("NOLI")));

		assertThat(jdbc.queryForObject("select count(*) from " + bergamo.schema() + ".site where code = 'NOLI'",
				Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from " + genova.schema() + ".site", Integer.class))
			.isZero();
	}

	@Test
	void tenantDataCannotBeReachedWithoutATenant() {
		assertThatThrownBy(sites::findAll).hasMessageContaining("site");
	}

	@Test
	void pooledConnectionsGoBackToThePlatformSchema() {
		TenantContext.runAs(genova, () -> sites.save(site("DANNUNZIO")));

		assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo("platform");
	}
}
