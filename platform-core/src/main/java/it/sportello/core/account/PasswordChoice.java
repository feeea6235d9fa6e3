package it.sportello.core.account;

import it.sportello.core.account.AccountTokens.Purpose;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A password chosen through the link of an e-mail (an invitation, a reset): the link proves the address, so the
 * account is verified too.
 */
@Component
class PasswordChoice {

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final PasswordEncoder passwords;

	PasswordChoice(Accounts accounts, AccountTokens tokens, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
	}

	/** Sets the password if the link still works (and uses it up); a password the policy refuses throws its reason. */
	boolean choose(String token, Purpose purpose, String password) {
		Long accountId = tokens.peek(token, purpose).orElse(null);
		if (accountId == null) {
			return false;
		}
		Account account = accounts.findById(accountId).orElseThrow();
		PasswordPolicy.problem(password, account.getEmail()).ifPresent(code -> {
			throw new AccountRefused(code);
		});
		tokens.consume(token, purpose);
		account.changePassword(passwords.encode(password));
		account.verifyEmail();
		return true;
	}
}
