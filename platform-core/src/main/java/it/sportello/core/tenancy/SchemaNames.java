package it.sportello.core.tenancy;

import java.util.regex.Pattern;

/**
 * The only source of schema names: generated from a database sequence and checked against a fixed pattern before
 * they reach any SQL, so no request text ever becomes part of an identifier.
 */
public final class SchemaNames {

	/** The schema of the platform registry (tenants, accounts, associations, claims). */
	public static final String PLATFORM = "platform";

	private static final Pattern TENANT_SCHEMA = Pattern.compile("tenant_[0-9]{1,9}");

	private SchemaNames() {
	}

	static String forSequenceValue(long value) {
		return requireTenantSchema("tenant_" + value);
	}

	/** Returns the name when it is a generated tenant schema name, else refuses it. */
	public static String requireTenantSchema(String schema) {
		if (schema == null || !TENANT_SCHEMA.matcher(schema).matches()) {
			throw new IllegalArgumentException("Not a tenant schema name: " + schema);
		}
		return schema;
	}

	static String requireKnownSchema(String schema) {
		return PLATFORM.equals(schema) ? schema : requireTenantSchema(schema);
	}
}
