package it.sportello.core.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/** Tells Hibernate which schema a new session works in: the current tenant's, else the platform's. */
class CurrentSchemaResolver implements CurrentTenantIdentifierResolver<String> {

	@Override
	public String resolveCurrentTenantIdentifier() {
		return TenantContext.find().map(CurrentTenant::schema).orElse(SchemaNames.PLATFORM);
	}

	@Override
	public boolean validateExistingCurrentSessions() {
		return true;
	}

	@Override
	public boolean isRoot(String schema) {
		return SchemaNames.PLATFORM.equals(schema);
	}
}
