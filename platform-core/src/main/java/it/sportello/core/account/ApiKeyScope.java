package it.sportello.core.account;

/** What an API key may act for: one Questura (its ready list, ...) or one association (its bookings). */
public record ApiKeyScope(String tenantSlug, Long associationId) {

	public ApiKeyScope {
		if ((tenantSlug == null) == (associationId == null)) {
			throw new IllegalArgumentException("An API key is for one Questura or one association");
		}
	}

	public static ApiKeyScope questura(String tenantSlug) {
		return new ApiKeyScope(tenantSlug, null);
	}

	public static ApiKeyScope association(long associationId) {
		return new ApiKeyScope(null, associationId);
	}
}
