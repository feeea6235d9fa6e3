package it.sportello.web.security;

import java.time.Instant;

import it.sportello.core.account.Accounts;
import it.sportello.core.account.Memberships;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds a local account and its roles for the login form. */
@Component
class AccountUserDetails implements UserDetailsService {

	private final Accounts accounts;

	private final Memberships memberships;

	AccountUserDetails(Accounts accounts, Memberships memberships) {
		this.accounts = accounts;
		this.memberships = memberships;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return accounts.findByEmail(email)
			.filter(account -> account.getPasswordHash() != null)
			.map(account -> new SportelloUser(account, memberships.findByAccountId(account.getId()), Instant.now()))
			.orElseThrow(() -> new UsernameNotFoundException("no local account"));
	}
}
