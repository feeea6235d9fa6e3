package it.sportello.web.security;

import java.util.List;

import it.sportello.core.account.Account;
import it.sportello.core.account.Membership;

/** A person calling the API with a bearer token from Keycloak. */
record BearerAccount(long accountId, String displayName, List<Membership> memberships) implements SportelloPrincipal {

	BearerAccount(Account account, List<Membership> memberships) {
		this(account.getId(), account.getDisplayName(), List.copyOf(memberships));
	}

	@Override
	public long getAccountId() {
		return accountId;
	}

	@Override
	public String getDisplayName() {
		return displayName;
	}
}
