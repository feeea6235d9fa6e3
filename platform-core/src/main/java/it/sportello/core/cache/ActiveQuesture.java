package it.sportello.core.cache;

import java.util.List;
import java.util.Optional;

import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.Tenants;
import org.springframework.stereotype.Component;

/**
 * The active Questure as every request asks for them (which one a URL names, the list on the front page), from this
 * node's read cache: the registry is read again only after a Questura is opened, changed or suspended. The tenants
 * returned are shared by every reader, so never to be changed.
 */
@Component
public class ActiveQuesture {

	private final Tenants tenants;

	private final ReadCaches caches;

	ActiveQuesture(Tenants tenants, ReadCaches caches) {
		this.tenants = tenants;
		this.caches = caches;
	}

	/** The active Questura of the slug, if there is one. */
	public Optional<Tenant> bySlug(String slug) {
		return caches.platform("active", slug, () -> tenants.findActive(slug));
	}

	/** Every active Questura, by name. */
	public List<Tenant> all() {
		return caches.platform("all", "", () -> List.copyOf(tenants.findAllActive()));
	}
}
