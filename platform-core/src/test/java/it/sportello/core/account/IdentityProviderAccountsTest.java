package it.sportello.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class IdentityProviderAccountsTest {

	@Autowired
	IdentityProviderAccounts identityProvider;

	@Autowired
	Accounts accounts;

	@Autowired
	Memberships memberships;

	@Test
	void theFirstLoginCreatesACitizenKeyedByTheSubjectAndLaterLoginsFindIt() {
		Account first = identityProvider.signedIn("sub-" + System.nanoTime(), "nuova@example.it", true, "Nuova Persona");
		Account again = identityProvider.signedIn(first.getOidcSubject(), "altro@example.it", true, "Altro Nome");

		assertThat(again.getId()).isEqualTo(first.getId());
		assertThat(memberships.findByAccountId(first.getId())).extracting(Membership::getRole).containsExactly(Role.CITIZEN);
	}

	@Test
	void aVerifiedEmailLinksTheAccountThatAlreadyExists() {
		Account local = Account.local("operatrice.link@example.it", "Operatrice", "hash");
		local.verifyEmail();
		local = accounts.save(local);
		memberships.save(Membership.staff(local.getId(), Role.OPERATOR, "genova"));

		Account signedIn = identityProvider.signedIn("sub-link-" + System.nanoTime(), "Operatrice.Link@example.it", true,
				"Operatrice");

		assertThat(signedIn.getId()).isEqualTo(local.getId());
		assertThat(identityProvider.rolesOf(signedIn.getId())).extracting(Membership::getRole).containsExactly(Role.OPERATOR);
	}

	@Test
	void anUnverifiedEmailTakesOverNothing() {
		Account local = accounts.save(Account.local("vittima@example.it", "Vittima", "hash"));

		assertThatThrownBy(() -> identityProvider.signedIn("sub-intruder-" + System.nanoTime(), "vittima@example.it",
				false, "Intruso"))
			.isInstanceOf(AccountRefused.class)
			.extracting("code")
			.isEqualTo("account.identityProvider.emailInUse");
		assertThat(accounts.findById(local.getId()).orElseThrow().getOidcSubject()).isNull();
	}
}
