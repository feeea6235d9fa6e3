package it.sportello.web.security;

import java.util.List;

import it.sportello.core.account.Account;
import it.sportello.core.account.Membership;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in through Keycloak, with the Sportello account keyed by their subject. */
class SportelloOidcUser extends DefaultOidcUser implements SportelloPrincipal {

	private final SignedInAccount account;

	SportelloOidcUser(Account account, List<Membership> memberships, OidcIdToken idToken, OidcUserInfo userInfo) {
		super(SportelloPrincipal.authorities(memberships), idToken, userInfo);
		this.account = new SignedInAccount(account, memberships);
	}

	@Override
	public SignedInAccount account() {
		return account;
	}
}
