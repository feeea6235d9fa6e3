package it.sportello.admin.demo;

import it.sportello.core.association.Association;
import it.sportello.core.association.Associations;

import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.account.SecondFactorSignIn;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo accounts listed in the README, all with the same password; opened with the demo Questure. */
@Component
class DemoAccounts {

	static final String PASSWORD = "demo-Sportello-2026";

	/**
	 * The TOTP secret (base32) of every demo account whose role signs in with a second factor, as the README says: load
	 * it into an authenticator app. Demo only: the demo accounts never exist with the prod profile.
	 */
	static final String SECOND_FACTOR_SECRET = "JBSWY3DPEHPK3PXP";

	private final Accounts accounts;

	private final Memberships memberships;

	/** A partita IVA with a valid check digit, of no real organisation. */
	static final String DEMO_ASSOCIATION_TAX_NUMBER = "00000000018";

	private final PasswordEncoder passwords;

	private final Associations associations;

	private final SecondFactorSignIn secondFactor;

	DemoAccounts(Accounts accounts, Memberships memberships, PasswordEncoder passwords, Associations associations,
			SecondFactorSignIn secondFactor) {
		this.associations = associations;
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.memberships = memberships;
		this.passwords = passwords;
	}

	@Transactional
	void open() {
		memberships.save(Membership.platformAdmin(withSecondFactor(account("platform@demo.sportello.it",
				"Amministrazione piattaforma"))));
		memberships.save(Membership.staff(withSecondFactor(account("admin.genova@demo.sportello.it", "Giulia Ferrari")),
				Role.QUESTURA_ADMIN, "genova"));
		memberships.save(Membership.staff(withSecondFactor(account("operatore.genova@demo.sportello.it", "Marco Bianchi")),
				Role.OPERATOR, "genova"));
		memberships.save(Membership.citizen(account("cittadino@demo.sportello.it", "Amina Diallo")));
		// an accredited association on the free plan of a protocol, its admin the demo account
		long patronato = withSecondFactor(account("patronato@demo.sportello.it", "Patronato Demo"));
		Association association = associations.register("Patronato Demo", DEMO_ASSOCIATION_TAX_NUMBER,
				"patronato.demo@pec.example.it", patronato);
		associations.approve(association.id());
		associations.grantPlan(association.id(), "PROTOCOLLO", 50);
	}

	private long withSecondFactor(long accountId) {
		secondFactor.enrolWithSecret(accountId, SECOND_FACTOR_SECRET);
		return accountId;
	}

	private long account(String email, String name) {
		Account account = Account.local(email, name, passwords.encode(PASSWORD));
		account.verifyEmail();
		return accounts.save(account).getId();
	}
}
