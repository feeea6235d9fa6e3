package it.sportello.web.security;

import java.util.List;

import it.sportello.core.account.Account;
import it.sportello.core.account.Membership;

/**
 * A signed-in account and its roles; the principal of an API caller with a bearer token, and what the other
 * principals carry.
 */
record SignedInAccount(long accountId, String displayName, List<Membership> memberships)
		implements SportelloPrincipal {

	public SignedInAccount {
		memberships = List.copyOf(memberships);
	}

	SignedInAccount(Account account, List<Membership> memberships) {
		this(account.getId(), account.getDisplayName(), memberships);
	}

	@Override
	public SignedInAccount account() {
		return this;
	}
}
