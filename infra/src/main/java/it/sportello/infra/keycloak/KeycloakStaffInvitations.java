package it.sportello.infra.keycloak;

import java.util.List;
import java.util.Locale;

import it.sportello.core.account.Account;
import it.sportello.core.account.IdentityProviderAccounts;
import it.sportello.core.account.IdentityProviderSecondFactor;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.account.StaffInvitations;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Invitations through Keycloak: the person is found or created in the realm, joins the group that signs in with a
 * second factor, and receives Keycloak's e-mail to set a password and verify the address; Sportello keeps the account
 * keyed by their subject, with the staff role.
 */
@Component
@Profile("keycloak")
class KeycloakStaffInvitations implements StaffInvitations {

	private final KeycloakAdmin admin;

	private final IdentityProviderAccounts accounts;

	private final Memberships memberships;

	private final IdentityProviderSecondFactor secondFactor;

	KeycloakStaffInvitations(KeycloakAdmin admin, IdentityProviderAccounts accounts, Memberships memberships,
			IdentityProviderSecondFactor secondFactor) {
		this.admin = admin;
		this.accounts = accounts;
		this.memberships = memberships;
		this.secondFactor = secondFactor;
	}

	@Override
	public void invite(String email, Role role, String tenantSlug, Locale locale) {
		String address = Account.normalise(email);
		KeycloakAdminProperties properties = admin.properties();
		String subject = admin.onRealm(realm -> {
			String id = realm.users()
				.searchByEmail(address, true)
				.stream()
				.findFirst()
				.map(UserRepresentation::getId)
				.orElseGet(() -> create(realm, address, locale));
			realm.users()
				.get(id)
				.executeActionsEmail(properties.clientIdOfInvite(), null, (int) properties.inviteValidFor().toSeconds(),
						List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
			return id;
		});
		if (role.needsSecondFactor()) {
			secondFactor.require(subject);
		}
		memberships.grantStaff(accounts.invited(subject, address).getId(), role, tenantSlug);
	}

	private static String create(RealmResource realm, String address, Locale locale) {
		UserRepresentation user = new UserRepresentation();
		user.setUsername(address);
		user.setEmail(address);
		user.setEnabled(true);
		user.setEmailVerified(false);
		user.singleAttribute("locale", locale.getLanguage());
		try (Response created = realm.users().create(user)) {
			return CreatedResponseUtil.getCreatedId(created);
		}
	}
}
