package it.sportello.core.account;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** The roles accounts hold. */
public interface Memberships extends ListCrudRepository<Membership, Long> {

	List<Membership> findByAccountId(Long accountId);

	/** The roles held in an association: its members and admins. */
	List<Membership> findByAssociationId(Long associationId);

	/** The staff of a Questura. */
	List<Membership> findByTenantSlug(String tenantSlug);

	/** Gives the account a staff role in a Questura unless it holds it already. */
	default void grantStaff(long accountId, Role role, String tenantSlug) {
		if (findByAccountId(accountId).stream()
			.noneMatch(m -> m.getRole() == role && tenantSlug.equals(m.getTenantSlug()))) {
			save(Membership.staff(accountId, role, tenantSlug));
		}
	}
}
