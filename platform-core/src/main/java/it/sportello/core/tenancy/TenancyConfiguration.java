package it.sportello.core.tenancy;

import javax.sql.DataSource;

import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires schema-per-tenant into Hibernate. */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

	@Bean
	HibernatePropertiesCustomizer schemaPerTenantConnections(DataSource dataSource) {
		SchemaPerTenantConnections connections = new SchemaPerTenantConnections(dataSource);
		return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, connections);
	}

	@Bean
	HibernatePropertiesCustomizer currentSchemaResolver() {
		CurrentSchemaResolver resolver = new CurrentSchemaResolver();
		return properties -> properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver);
	}
}
