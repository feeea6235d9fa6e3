package it.sportello.core.tenancy;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Migrates the platform and tenant schemas before anything else uses the database. */
@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

	@Bean
	TenantSchemas tenantSchemas(DataSource dataSource, ResourceLoader resourceLoader) {
		return new TenantSchemas(dataSource, resourceLoader, TenantSchemas.TENANT_CHANGELOG);
	}

	/**
	 * Declared as a {@link SpringLiquibase} so that Spring Boot's single-schema Liquibase steps aside and the JPA
	 * entity manager factory waits for it, as it would for Boot's own.
	 */
	@Bean
	SpringLiquibase schemasMigratedAtStart(TenantSchemas schemas) {
		return new SpringLiquibase() {
			@Override
			public void afterPropertiesSet() {
				schemas.migratePlatformAndTenants();
			}
		};
	}
}
