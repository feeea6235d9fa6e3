package it.sportello.core.account;

import java.util.Locale;

import it.sportello.core.account.AccountTokens.Purpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites a person by e-mail (to an office's staff, to an association): their account is made if it does not exist
 * yet, with no password so that nobody can sign in with it, and the link in the mail lets them choose one.
 */
@Service
public class AccountInvitations {

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final AccountMails mails;

	private final PasswordChoice passwords;

	private final LoginPolicy policy;

	AccountInvitations(Accounts accounts, AccountTokens tokens, AccountMails mails, PasswordChoice passwords,
			LoginPolicy policy) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mails = mails;
		this.passwords = passwords;
		this.policy = policy;
	}

	/**
	 * Mails the invitation of the subject's key: a link to choose a password, or to sign in when the account has one
	 * already. Returns the account.
	 */
	@Transactional
	public Account invite(String email, Locale locale, String subjectKey, Object... subjectArgs) {
		String address = Account.normalise(email);
		if (!AccountMails.ADDRESS.matcher(address).matches()) {
			throw new AccountRefused("account.email.invalid");
		}
		Account account = accounts.findByEmail(address)
			.orElseGet(() -> accounts.save(Account.local(address, address, null)));
		String path = "/login";
		if (account.getPasswordHash() == null) {
			path = "/account/invitation?token="
					+ tokens.issue(account.getId(), Purpose.INVITATION, policy.verificationValidFor());
		}
		mails.send(address, subjectKey, locale, path, subjectArgs);
		return account;
	}

	/** Whether an invitation's link still works; looking changes nothing. */
	public boolean canAccept(String token) {
		return tokens.works(token, Purpose.INVITATION);
	}

	/** Sets the invited person's password; the link proved the address. */
	@Transactional
	public boolean accept(String token, String password) {
		return passwords.choose(token, Purpose.INVITATION, password);
	}
}
