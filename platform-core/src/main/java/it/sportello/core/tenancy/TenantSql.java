package it.sportello.core.tenancy;

/**
 * Writes the current tenant's schema into SQL: {@code {t}} stands for it. The name comes from the registry and is
 * pattern-checked, so no request text reaches the statement.
 */
public final class TenantSql {

	private TenantSql() {
	}

	public static String of(String template) {
		return template.replace("{t}", TenantContext.getRequired().schema());
	}
}
