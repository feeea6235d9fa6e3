package it.sportello.infra.keycloak;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Sportello reaches Keycloak's admin API to invite staff (keycloak profile).
 * @param serverUrl Keycloak's base address
 * @param realm the realm people sign in to
 * @param adminRealm the realm of the admin account
 * @param clientId the client the admin account signs in with
 * @param username the admin account (a realm user with the manage-users role is enough)
 * @param password its password
 * @param clientIdOfInvite the client the invitation e-mail sends people back to
 * @param inviteValidFor how long the invitation link works
 */
@ConfigurationProperties("sportello.keycloak.admin")
public record KeycloakAdminProperties(@DefaultValue("http://127.0.0.1:8180") String serverUrl,
		@DefaultValue("sportello") String realm, @DefaultValue("master") String adminRealm,
		@DefaultValue("admin-cli") String clientId, @DefaultValue("admin") String username,
		@DefaultValue("admin") String password, @DefaultValue("sportello-web") String clientIdOfInvite,
		@DefaultValue("72h") Duration inviteValidFor) {
}
