package it.sportello.infra.keycloak;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Sportello reaches Keycloak's admin API (keycloak profile): as the service account of a confidential client of
 * the realm, whose secret comes from the environment ({@code SPORTELLO_KEYCLOAK_ADMIN_CLIENT_SECRET}; the development
 * realm's in {@code application-keycloak.yml}, none in {@code prod}).
 * @param serverUrl Keycloak's base address
 * @param realm the realm people sign in to, which also holds the admin client
 * @param clientId the confidential client whose service account may manage the realm's users
 * @param clientSecret its secret
 * @param clientIdOfInvite the client the invitation e-mail sends people back to
 * @param inviteValidFor how long the invitation link works
 * @param secondFactorGroup the realm's group whose members the browser flow asks for a second factor
 */
@ConfigurationProperties("sportello.keycloak.admin")
record KeycloakAdminProperties(@DefaultValue("http://127.0.0.1:8180") String serverUrl,
		@DefaultValue("sportello") String realm, @DefaultValue("sportello-admin") String clientId, String clientSecret,
		@DefaultValue("sportello-web") String clientIdOfInvite, @DefaultValue("72h") Duration inviteValidFor,
		@DefaultValue("sportello-second-factor") String secondFactorGroup) {
}
