package it.sportello.core.account;

import java.util.Locale;

import it.sportello.core.account.AccountTokens.Purpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person who forgot their password asks for a link by e-mail and chooses a new one through it. The answer never
 * tells whether an e-mail has an account; the mail to that address does.
 */
@Service
public class PasswordReset {

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final AccountMails mails;

	private final PasswordChoice passwords;

	private final LoginPolicy policy;

	PasswordReset(Accounts accounts, AccountTokens tokens, AccountMails mails, PasswordChoice passwords,
			LoginPolicy policy) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mails = mails;
		this.passwords = passwords;
		this.policy = policy;
	}

	/** Mails a reset link if the address has a local account; says nothing either way. */
	@Transactional
	public void request(String email, Locale locale) {
		accounts.findByEmail(Account.normalise(email)).filter(a -> a.getPasswordHash() != null).ifPresent(account -> {
			String token = tokens.issue(account.getId(), Purpose.RESET_PASSWORD, policy.resetValidFor());
			mails.send(account.getEmail(), "mail.account.reset", locale, "/password/reset?token=" + token);
		});
	}

	/** Whether a reset link still works; looking changes nothing. */
	public boolean canReset(String token) {
		return tokens.works(token, Purpose.RESET_PASSWORD);
	}

	/** Sets the new password if the link is still good; the address is proved verified by the same token. */
	@Transactional
	public boolean reset(String token, String newPassword) {
		return passwords.choose(token, Purpose.RESET_PASSWORD, newPassword);
	}
}
