package it.sportello.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The requests that send people to Keycloak: authorization code with PKCE; with {@code ?register}, to Keycloak's
 * registration page (its {@code registrations} endpoint takes the same request as the login's), so that "Registrati"
 * opens the form to create an account rather than the login.
 */
class KeycloakAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

	private final DefaultOAuth2AuthorizationRequestResolver resolver;

	KeycloakAuthorizationRequests(ClientRegistrationRepository registrations) {
		this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		this.resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		return toRegistration(request, resolver.resolve(request));
	}

	@Override
	public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		return toRegistration(request, resolver.resolve(request, clientRegistrationId));
	}

	private static OAuth2AuthorizationRequest toRegistration(HttpServletRequest request,
			OAuth2AuthorizationRequest login) {
		if (login == null || request.getParameter("register") == null) {
			return login;
		}
		return OAuth2AuthorizationRequest.from(login)
			.authorizationUri(login.getAuthorizationUri().replace("/protocol/openid-connect/auth",
					"/protocol/openid-connect/registrations"))
			.build();
	}
}
