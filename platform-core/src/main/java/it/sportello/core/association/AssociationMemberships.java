package it.sportello.core.association;

import java.util.Optional;

import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import org.springframework.stereotype.Component;

/**
 * The association an account works for, read from the database at each request (a membership given after sign-in
 * counts at once), and whether it is one of its admins.
 */
@Component
public class AssociationMemberships {

	private final Memberships memberships;

	private final Associations associations;

	AssociationMemberships(Memberships memberships, Associations associations) {
		this.memberships = memberships;
		this.associations = associations;
	}

	public Optional<Membership> membership(long accountId) {
		return memberships.findByAccountId(accountId).stream().filter(m -> m.getRole().isAssociation()).findFirst();
	}

	public Optional<Association> association(long accountId) {
		return membership(accountId).flatMap(m -> associations.find(m.getAssociationId()));
	}

	public boolean isAdmin(long accountId) {
		return membership(accountId).map(m -> m.getRole() == Role.ASSOCIATION_ADMIN).orElse(false);
	}

	/** Whether the account works for an association (accredited or waiting): its pages start at /association. */
	public boolean isMember(long accountId) {
		return membership(accountId).isPresent();
	}

	/** The accredited association the account works for: only its members may book for clients. */
	public Optional<Association> accredited(long accountId) {
		return association(accountId).filter(a -> a.status() == AssociationStatus.APPROVED);
	}
}
