package it.sportello.core.account;

import java.util.Locale;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Invitations with local accounts: the role at once, and a link to choose a password by e-mail. */
@Component
@Profile("!keycloak")
class LocalStaffInvitations implements StaffInvitations {

	private final AccountInvitations invitations;

	private final Memberships memberships;

	LocalStaffInvitations(AccountInvitations invitations, Memberships memberships) {
		this.invitations = invitations;
		this.memberships = memberships;
	}

	@Override
	@Transactional
	public void invite(String email, Role role, String tenantSlug, Locale locale) {
		Account account = invitations.invite(email, locale, "mail.staff.invitation", tenantSlug);
		memberships.grantStaff(account.getId(), role, tenantSlug);
	}
}
