package it.sportello.infra.keycloak;

import java.util.List;
import java.util.Locale;

import it.sportello.core.account.Account;
import it.sportello.core.account.IdentityProviderAccounts;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.account.StaffInvitations;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Invitations through Keycloak: the person is found or created in the realm and receives Keycloak's e-mail to set a
 * password and verify the address; Sportello keeps the account keyed by their subject, with the staff role.
 */
@Component
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class KeycloakStaffInvitations implements StaffInvitations {

	private final KeycloakAdminProperties properties;

	private final IdentityProviderAccounts accounts;

	private final Memberships memberships;

	KeycloakStaffInvitations(KeycloakAdminProperties properties, IdentityProviderAccounts accounts,
			Memberships memberships) {
		this.properties = properties;
		this.accounts = accounts;
		this.memberships = memberships;
	}

	@Override
	public void invite(String email, Role role, String tenantSlug, Locale locale) {
		String address = Account.normalise(email);
		try (Keycloak keycloak = KeycloakBuilder.builder()
			.serverUrl(properties.serverUrl())
			.realm(properties.adminRealm())
			.clientId(properties.clientId())
			.username(properties.username())
			.password(properties.password())
			.build()) {
			RealmResource realm = keycloak.realm(properties.realm());
			String subject = realm.users()
				.searchByEmail(address, true)
				.stream()
				.findFirst()
				.map(UserRepresentation::getId)
				.orElseGet(() -> create(realm, address, locale));
			realm.users()
				.get(subject)
				.executeActionsEmail(properties.clientIdOfInvite(), null, (int) properties.inviteValidFor().toSeconds(),
						List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
			memberships.grantStaff(accounts.invited(subject, address).getId(), role, tenantSlug);
		}
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
