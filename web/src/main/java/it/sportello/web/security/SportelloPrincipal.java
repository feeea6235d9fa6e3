package it.sportello.web.security;

import java.util.List;

import it.sportello.core.account.Membership;
import it.sportello.core.account.Role;
import it.sportello.core.audit.Actors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in person, however they signed in (local form, Keycloak login, bearer token): account and roles. */
public interface SportelloPrincipal {

	/** The account and its roles, as they were when the person signed in. */
	SignedInAccount account();

	default long getAccountId() {
		return account().accountId();
	}

	default String getDisplayName() {
		return account().displayName();
	}

	/** Who the audit log says acted, when the person acts for themselves or for their association. */
	default String actor() {
		return Actors.account(getAccountId());
	}

	/** Who the audit log says acted, when the person acts as the office's staff. */
	default String staffActor() {
		return Actors.staff(getAccountId());
	}

	default List<Membership> memberships() {
		return account().memberships();
	}

	default boolean has(Role role) {
		return memberships().stream().anyMatch(m -> m.getRole() == role);
	}

	/** Whether the person is staff (admin or operator) of the Questura. */
	default boolean isStaffOf(String tenantSlug) {
		return memberships().stream().anyMatch(m -> m.getRole().isStaff() && tenantSlug.equals(m.getTenantSlug()));
	}

	/** Whether one of the roles takes a second factor to sign in (staff, association admins, platform admins). */
	default boolean needsSecondFactor() {
		return memberships().stream().anyMatch(m -> m.getRole().needsSecondFactor());
	}

	/** The Spring authorities of the roles: {@code ROLE_OPERATOR}, ... */
	static List<GrantedAuthority> authorities(List<Membership> memberships) {
		return memberships.stream()
			.map(m -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + m.getRole().name()))
			.distinct()
			.toList();
	}
}
