package it.sportello.web.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import it.sportello.core.account.Account;
import it.sportello.core.account.Membership;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with a local account and password. */
class SportelloUser implements UserDetails, SportelloPrincipal {

	private final SignedInAccount account;

	private final String email;

	private final String passwordHash;

	private final boolean verified;

	private final boolean locked;

	SportelloUser(Account account, List<Membership> memberships, Instant now) {
		this.account = new SignedInAccount(account, memberships);
		this.email = account.getEmail();
		this.passwordHash = account.getPasswordHash();
		this.verified = account.isEmailVerified();
		this.locked = account.isLocked(now);
	}

	@Override
	public SignedInAccount account() {
		return account;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return SportelloPrincipal.authorities(memberships());
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return verified;
	}
}
