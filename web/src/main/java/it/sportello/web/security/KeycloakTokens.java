package it.sportello.web.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Which bearer tokens the API accepts: signed by the realm, of its issuer, in date, issued to one of Sportello's own
 * clients ({@code azp}) for Sportello ({@code aud}), and naming a person ({@code sub}). A token another client of the
 * same realm obtained (its admin console, a test tool) names nobody here, and neither does one without a subject.
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
class KeycloakTokens {

	@Bean
	JwtDecoder keycloakJwtDecoder(@Value("${sportello.keycloak.issuer}") String issuer,
			@Value("${sportello.keycloak.audience:${sportello.keycloak.client-id}}") String audience,
			@Value("${sportello.keycloak.accepted-clients:${sportello.keycloak.client-id}}") List<String> acceptedClients) {
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(issuer), ours(audience, acceptedClients));
		// the issuer's keys are fetched at the first token, not at start (as Spring Boot's own decoder does)
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
			decoder.setJwtValidator(validator);
			return decoder;
		});
	}

	static OAuth2TokenValidator<Jwt> ours(String audience, List<String> acceptedClients) {
		return jwt -> {
			if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
				return refused("The token names no subject");
			}
			if (!acceptedClients.contains(jwt.getClaimAsString("azp"))) {
				return refused("The token was not issued to a client of Sportello");
			}
			if (jwt.getAudience() == null || !jwt.getAudience().contains(audience)) {
				return refused("The token is not meant for Sportello");
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	private static OAuth2TokenValidatorResult refused(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
	}
}
