package it.sportello.core.account;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of people who sign in through the identity provider (Keycloak): found by the provider's subject, linked
 * by a verified e-mail to an account that already exists, or created at the first login as a citizen. An e-mail that
 * another account holds is refused unless the provider verified it and that account is not linked yet.
 */
@Service
public class IdentityProviderAccounts {

	private final Accounts accounts;

	private final Memberships memberships;

	IdentityProviderAccounts(Accounts accounts, Memberships memberships) {
		this.accounts = accounts;
		this.memberships = memberships;
	}

	@Transactional
	public Account signedIn(String subject, String email, boolean emailVerified, String displayName) {
		if (subject == null || subject.isBlank()) {
			// a token without a subject names nobody: never the accounts that have none yet
			throw new AccountRefused("account.identityProvider.noSubject");
		}
		return accounts.findByOidcSubject(subject).orElseGet(() -> {
			Optional<Account> sameEmail = email == null ? Optional.empty() : accounts.findByEmail(email);
			if (sameEmail.isPresent()) {
				// only an address the provider verified may take over an account, and only one not linked yet
				if (!emailVerified || sameEmail.get().getOidcSubject() != null) {
					throw new AccountRefused("account.identityProvider.emailInUse");
				}
				sameEmail.get().linkSubject(subject);
				sameEmail.get().verifyEmail();
				return sameEmail.get();
			}
			Account account = create(subject, email, displayName);
			memberships.save(Membership.citizen(account.getId()));
			return account;
		});
	}

	/**
	 * The account of a person the platform invited into the identity provider before their first login (staff): no
	 * citizen role, which staff do not hold.
	 */
	@Transactional
	public Account invited(String subject, String email) {
		return accounts.findByOidcSubject(subject).orElseGet(() -> create(subject, email, email));
	}

	private Account create(String subject, String email, String displayName) {
		return accounts.save(Account.fromIdentityProvider(subject, email == null ? subject + "@unknown.invalid" : email,
				displayName == null || displayName.isBlank() ? String.valueOf(email) : displayName));
	}

	public List<Membership> rolesOf(long accountId) {
		return memberships.findByAccountId(accountId);
	}
}
