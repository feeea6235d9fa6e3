package it.sportello.infra.keycloak;

import java.util.function.Function;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A session of Keycloak's admin API on the realm, signed in as Sportello's service account, for one piece of work. */
@Component
@Profile("keycloak")
@EnableConfigurationProperties(KeycloakAdminProperties.class)
class KeycloakAdmin {

	private final KeycloakAdminProperties properties;

	KeycloakAdmin(KeycloakAdminProperties properties) {
		this.properties = properties;
	}

	KeycloakAdminProperties properties() {
		return properties;
	}

	<T> T onRealm(Function<RealmResource, T> work) {
		if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
			throw new IllegalStateException("sportello.keycloak.admin.client-secret is not set");
		}
		try (Keycloak keycloak = KeycloakBuilder.builder()
			.serverUrl(properties.serverUrl())
			.realm(properties.realm())
			.grantType(OAuth2Constants.CLIENT_CREDENTIALS)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.build()) {
			return work.apply(keycloak.realm(properties.realm()));
		}
	}
}
