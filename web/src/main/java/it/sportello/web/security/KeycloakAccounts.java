package it.sportello.web.security;

import it.sportello.core.account.Account;
import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.IdentityProviderAccounts;
import it.sportello.core.account.IdentityProviderSecondFactor;
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

	private final IdentityProviderSecondFactor secondFactor;

	private final OidcUserService oidc = new OidcUserService();

	KeycloakAccounts(IdentityProviderAccounts accounts, IdentityProviderSecondFactor secondFactor) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
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
			SportelloOidcUser person = new SportelloOidcUser(account, accounts.rolesOf(account.getId()),
					user.getIdToken(), user.getUserInfo());
			// whoever got a role that needs a second factor since their last sign-in signed in without one: the realm
			// asks for it from now on, and this sign-in does not count
			if (person.needsSecondFactor() && secondFactor.require(user.getSubject())) {
				throw new OAuth2AuthenticationException(new OAuth2Error("account.secondFactor.signInAgain"),
						"account.secondFactor.signInAgain");
			}
			return person;
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
