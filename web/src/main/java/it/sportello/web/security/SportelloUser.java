package it.sportello.web.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import it.sportello.core.account.Account;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: their account and the roles they hold, platform-wide or in one Questura. */
public class SportelloUser implements UserDetails {

	private final long accountId;

	private final String email;

	private final String displayName;

	private final String passwordHash;

	private final boolean verified;

	private final boolean locked;

	private final List<Membership> memberships;

	SportelloUser(Account account, List<Membership> memberships, Instant now) {
		this.accountId = account.getId();
		this.email = account.getEmail();
		this.displayName = account.getDisplayName();
		this.passwordHash = account.getPasswordHash();
		this.verified = account.isEmailVerified();
		this.locked = account.isLocked(now);
		this.memberships = List.copyOf(memberships);
	}

	public long getAccountId() {
		return accountId;
	}

	public String getDisplayName() {
		return displayName;
	}

	public boolean has(Role role) {
		return memberships.stream().anyMatch(m -> m.getRole() == role);
	}

	/** Whether the person is staff (admin or operator) of the Questura. */
	public boolean isStaffOf(String tenantSlug) {
		return memberships.stream().anyMatch(m -> m.getRole().isStaff() && tenantSlug.equals(m.getTenantSlug()));
	}

	public boolean isAdminOf(String tenantSlug) {
		return memberships.stream()
			.anyMatch(m -> m.getRole() == Role.QUESTURA_ADMIN && tenantSlug.equals(m.getTenantSlug()));
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Membership membership : memberships) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + membership.getRole().name()));
		}
		return authorities;
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
