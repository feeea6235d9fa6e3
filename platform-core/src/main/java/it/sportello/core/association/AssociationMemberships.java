package it.sportello.core.association;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.AccountInvitations;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import org.springframework.stereotype.Component;

/**
 * The association an account works for, read from the database at each request (a membership given after sign-in
 * counts at once), whether it is one of its admins, an association's members and the invitation of new ones.
 */
@Component
public class AssociationMemberships {

	private final Memberships memberships;

	private final Associations associations;

	private final AccountInvitations invitations;

	AssociationMemberships(Memberships memberships, Associations associations, AccountInvitations invitations) {
		this.memberships = memberships;
		this.associations = associations;
		this.invitations = invitations;
	}

	Optional<Membership> membership(long accountId) {
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
		return membership(accountId).flatMap(m -> associations.accredited(m.getAssociationId()));
	}

	/** The accounts that work for the association, its admins among them. */
	public List<Membership> members(long associationId) {
		return memberships.findByAssociationId(associationId).stream().filter(m -> m.getRole().isAssociation()).toList();
	}

	/**
	 * Invites the person by e-mail to work for the association (an account is made for an address that has none); an
	 * account that already works for an association stays with it.
	 * @throws AccountRefused when the address is not an e-mail address
	 */
	public void invite(Association association, String email) {
		long invited = invitations.invite(email, Locale.ITALIAN, "mail.association.invitation", association.name())
			.getId();
		if (membership(invited).isEmpty()) {
			memberships.save(Membership.associationMember(invited, association.id()));
		}
	}
}
