package it.sportello.core.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds the Questura the current thread works for. Set by the web filter for one request, or by
 * {@link #callAs(CurrentTenant, Supplier)} around work that carries its {@link TenantId} explicitly.
 */
public final class TenantContext {

	private static final ThreadLocal<CurrentTenant> CURRENT = new ThreadLocal<>();

	private TenantContext() {
	}

	/** The tenant of this thread; fails fast when there is none. */
	public static CurrentTenant getRequired() {
		CurrentTenant tenant = CURRENT.get();
		if (tenant == null) {
			throw new IllegalStateException("No tenant is set for this thread");
		}
		return tenant;
	}

	public static Optional<CurrentTenant> find() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Runs the work as the given tenant and restores whatever was set before. */
	public static <T> T callAs(CurrentTenant tenant, Supplier<T> work) {
		CurrentTenant previous = CURRENT.get();
		CURRENT.set(tenant);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	public static void runAs(CurrentTenant tenant, Runnable work) {
		callAs(tenant, () -> {
			work.run();
			return null;
		});
	}

	/** For the request filter: sets the tenant until {@link #clear()}. */
	public static void set(CurrentTenant tenant) {
		CURRENT.set(tenant);
	}

	public static void clear() {
		CURRENT.remove();
	}

	private static void restore(CurrentTenant previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}
}
