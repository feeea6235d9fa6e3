package it.sportello.core.tenancy;

import java.util.Objects;

/** Identifies a Questura across the platform by its URL slug; carried explicitly by work that leaves a request. */
public record TenantId(String slug) {

	public TenantId {
		Objects.requireNonNull(slug, "slug");
	}

	@Override
	public String toString() {
		return slug;
	}
}
