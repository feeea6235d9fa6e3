package it.sportello.core.tenancy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The tenant registry. */
public interface Tenants extends ListCrudRepository<Tenant, Long> {

	Optional<Tenant> findBySlug(String slug);

	boolean existsBySlug(String slug);

	default Optional<Tenant> findActive(String slug) {
		return findBySlug(slug).filter(Tenant::isActive);
	}

	@Query("select t from Tenant t where t.status = it.sportello.core.tenancy.TenantStatus.ACTIVE order by t.name")
	List<Tenant> findAllActive();
}
