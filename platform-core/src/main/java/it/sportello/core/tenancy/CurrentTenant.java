package it.sportello.core.tenancy;

/** The Questura a unit of work acts for: its id and the schema that holds its data. */
public record CurrentTenant(TenantId id, String schema) {

	public CurrentTenant {
		SchemaNames.requireTenantSchema(schema);
	}
}
