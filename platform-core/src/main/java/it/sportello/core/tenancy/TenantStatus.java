package it.sportello.core.tenancy;

/** Whether a Questura's pages and API are open. */
public enum TenantStatus {
	ACTIVE, SUSPENDED
}
