package it.sportello.web.security;

import java.util.List;

import it.sportello.core.account.Account;
import it.sportello.core.account.Membership;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in through Keycloak, with the Sportello account keyed by their subject. */
public class SportelloOidcUser extends DefaultOidcUser implements SportelloPrincipal {

	private final long accountId;

	private final String displayName;

	private final List<Membership> memberships;

	SportelloOidcUser(Account account, List<Membership> memberships, OidcIdToken idToken, OidcUserInfo userInfo) {
		super(SportelloPrincipal.authorities(memberships), idToken, userInfo);
		this.accountId = account.getId();
		this.displayName = account.getDisplayName();
		this.memberships = List.copyOf(memberships);
	}

	@Override
	public long getAccountId() {
		return accountId;
	}

	@Override
	public String getDisplayName() {
		return displayName;
	}

	@Override
	public List<Membership> memberships() {
		return memberships;
	}
}
