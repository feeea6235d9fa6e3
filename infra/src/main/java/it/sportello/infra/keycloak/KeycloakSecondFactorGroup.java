package it.sportello.infra.keycloak;

import it.sportello.core.account.IdentityProviderSecondFactor;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Roles live in Sportello's database, which the realm cannot see; the realm's browser flow asks for a second factor
 * (OTP, or a security key) from the members of one group. Sportello puts there everyone whose role needs it.
 */
@Component
@Profile("keycloak")
class KeycloakSecondFactorGroup implements IdentityProviderSecondFactor {

	private final KeycloakAdmin admin;

	KeycloakSecondFactorGroup(KeycloakAdmin admin) {
		this.admin = admin;
	}

	@Override
	public boolean require(String subject) {
		return admin.onRealm(realm -> {
			String group = groupId(realm);
			boolean member = realm.users().get(subject).groups().stream().anyMatch(g -> g.getId().equals(group));
			if (!member) {
				realm.users().get(subject).joinGroup(group);
			}
			return !member;
		});
	}

	private String groupId(RealmResource realm) {
		String name = admin.properties().secondFactorGroup();
		try {
			return realm.getGroupByPath(name).getId();
		}
		catch (NotFoundException missing) {
			throw new IllegalStateException("The realm has no group " + name + " (see infra/keycloak/sportello-realm.json)",
					missing);
		}
	}
}
