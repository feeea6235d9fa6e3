package it.sportello.web.security;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * With Keycloak in production, the client secret and the admin client's secret come from the environment: a start
 * without one, or with the development realm's, stops before anything else with the variable's name. (Configuration
 * binding would keep an unresolved {@code ${SPORTELLO_...}} as the literal secret and fail only at the first sign-in.)
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak & prod")
class KeycloakSecretsInProduction {

	private static final List<String> SECRETS = List.of("sportello.keycloak.client-secret",
			"sportello.keycloak.admin.client-secret");

	@Bean
	static BeanFactoryPostProcessor keycloakSecretsAreSet(Environment environment) {
		return beanFactory -> {
			for (String name : SECRETS) {
				String value;
				try {
					value = environment.getProperty(name);
				}
				catch (IllegalArgumentException unresolved) {
					throw new IllegalStateException(name + " must be set for the keycloak profile in prod: "
							+ unresolved.getMessage(), unresolved);
				}
				if (value == null || value.isBlank() || value.startsWith("sportello-development-")) {
					throw new IllegalStateException(name + " must be set for the keycloak profile in prod (from "
							+ "SPORTELLO_KEYCLOAK_CLIENT_SECRET / SPORTELLO_KEYCLOAK_ADMIN_CLIENT_SECRET), not a development value");
				}
			}
		};
	}
}
