package it.sportello.core.testsupport;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantSchemas;
import it.sportello.core.tenancy.Tenants;

/** Creates bare tenants (schema migrated, registry row, no office data) for tests below the onboarding service. */
public final class TestTenants {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final TenantSchemas schemas;

	private final Tenants tenants;

	public TestTenants(TenantSchemas schemas, Tenants tenants) {
		this.schemas = schemas;
		this.tenants = tenants;
	}

	/** A new registered tenant whose slug starts with the given prefix. */
	public CurrentTenant create(String slugPrefix) {
		String slug = slugPrefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
		String schema = schemas.reserveName();
		schemas.migrate(schema);
		return tenants.save(Tenant.registered(slug, "Questura " + slug, schema, Instant.now())).asCurrent();
	}
}
