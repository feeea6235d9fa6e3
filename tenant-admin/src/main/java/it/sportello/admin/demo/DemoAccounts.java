package it.sportello.admin.demo;

import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo accounts listed in the README, all with the same password; opened with the demo Questure. */
@Component
class DemoAccounts {

	static final String PASSWORD = "demo-Sportello-2026";

	private final Accounts accounts;

	private final Memberships memberships;

	private final PasswordEncoder passwords;

	DemoAccounts(Accounts accounts, Memberships memberships, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.memberships = memberships;
		this.passwords = passwords;
	}

	@Transactional
	void open() {
		memberships.save(Membership.platformAdmin(account("platform@demo.sportello.it", "Amministrazione piattaforma")));
		memberships.save(Membership.staff(account("admin.genova@demo.sportello.it", "Giulia Ferrari"),
				Role.QUESTURA_ADMIN, "genova"));
		memberships.save(Membership.staff(account("operatore.genova@demo.sportello.it", "Marco Bianchi"), Role.OPERATOR,
				"genova"));
		memberships.save(Membership.citizen(account("cittadino@demo.sportello.it", "Amina Diallo")));
		// the association and its plan come with the associations issue
		account("patronato@demo.sportello.it", "Patronato Demo");
	}

	private long account(String email, String name) {
		Account account = Account.local(email, name, passwords.encode(PASSWORD));
		account.verifyEmail();
		return accounts.save(account).getId();
	}
}
