package it.sportello.core.tenancy;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a job's work in every active Questura in turn, as that Questura; one that fails is logged and does not stop the
 * others. Returns the sum of what the work counted.
 */
@Component
public class EachTenant {

	private static final Logger log = LoggerFactory.getLogger(EachTenant.class);

	private final Tenants tenants;

	EachTenant(Tenants tenants) {
		this.tenants = tenants;
	}

	public int runInEach(String job, Supplier<Integer> work) {
		int total = 0;
		for (Tenant tenant : tenants.findAllActive()) {
			try {
				total += TenantContext.callAs(tenant.asCurrent(), work);
			}
			catch (RuntimeException ex) {
				log.error("{} failed in {}", job, tenant.getSlug(), ex);
			}
		}
		return total;
	}
}
