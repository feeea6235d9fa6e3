package it.sportello.web.association;

import java.util.Optional;

import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationStatus;
import it.sportello.core.association.Associations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The association an account works for, read from the database at each request (a membership given after sign-in
 * counts at once), and whether it is one of its admins.
 */
@Component
public class AssociationOf {

	private final Memberships memberships;

	private final Associations associations;

	AssociationOf(Memberships memberships, Associations associations) {
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

	/** The accredited association the account works for; anyone else may not use its booking pages (403). */
	Association accredited(long accountId) {
		return association(accountId).filter(a -> a.status() == AssociationStatus.APPROVED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}
}
