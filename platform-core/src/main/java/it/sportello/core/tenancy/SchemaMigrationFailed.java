package it.sportello.core.tenancy;

/** A schema's changelog could not be applied. */
public class SchemaMigrationFailed extends RuntimeException {

	SchemaMigrationFailed(String schema, Throwable cause) {
		super("Migration of schema " + schema + " failed: " + cause.getMessage(), cause);
	}
}
