package it.sportello.web.security;

import it.sportello.core.account.Account;
import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.IdentityProviderAccounts;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a Keycloak login or bearer token into a Sportello principal: the account keyed by the subject (created at the
 * first login) and the roles the application's database gives it. Keycloak knows who; Sportello decides what.
 */
class KeycloakAccounts {

	private final IdentityProviderAccounts accounts;

	private final OidcUserService oidc = new OidcUserService();

	KeycloakAccounts(IdentityProviderAccounts accounts) {
		this.accounts = accounts;
	}

	OAuth2UserService<OidcUserRequest, OidcUser> userService() {
		return request -> {
			OidcUser user = oidc.loadUser(request);
			Account account;
			try {
				account = accounts.signedIn(user.getSubject(), user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()),
						user.getFullName());
			}
			catch (AccountRefused refused) {
				// shown on the login failure page instead of a server error
				throw new OAuth2AuthenticationException(new OAuth2Error(refused.getCode()), refused.getCode());
			}
			return new SportelloOidcUser(account, accounts.rolesOf(account.getId()), user.getIdToken(),
					user.getUserInfo());
		};
	}

	Converter<Jwt, AbstractAuthenticationToken> bearer() {
		return jwt -> {
			Account account;
			try {
				account = accounts.signedIn(jwt.getSubject(), jwt.getClaimAsString("email"),
						Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")), jwt.getClaimAsString("name"));
			}
			catch (AccountRefused refused) {
				throw new InvalidBearerTokenException(refused.getCode());
			}
			SignedInAccount principal = new SignedInAccount(account, accounts.rolesOf(account.getId()));
			return UsernamePasswordAuthenticationToken.authenticated(principal, jwt,
					SportelloPrincipal.authorities(principal.memberships()));
		};
	}
}
