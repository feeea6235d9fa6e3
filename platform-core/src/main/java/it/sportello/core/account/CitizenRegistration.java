package it.sportello.core.account;

import java.util.Locale;

import it.sportello.core.account.AccountTokens.Purpose;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen registers a local account and is mailed the link that verifies its address. The answer never tells whether
 * an e-mail has an account; the mail to that address does.
 */
@Service
public class CitizenRegistration {

	private final Accounts accounts;

	private final Memberships memberships;

	private final AccountTokens tokens;

	private final PasswordEncoder passwords;

	private final AccountMails mails;

	private final LoginPolicy policy;

	CitizenRegistration(Accounts accounts, Memberships memberships, AccountTokens tokens, PasswordEncoder passwords,
			AccountMails mails, LoginPolicy policy) {
		this.accounts = accounts;
		this.memberships = memberships;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mails = mails;
		this.policy = policy;
	}

	/** Registers a citizen and mails the verification link; an address already known gets a reminder instead. */
	@Transactional
	public void register(String email, String displayName, String password, Locale locale) {
		String address = Account.normalise(email);
		if (!AccountMails.ADDRESS.matcher(address).matches() || address.length() > 254) {
			throw new AccountRefused("account.email.invalid");
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			throw new AccountRefused("account.name.required");
		}
		PasswordPolicy.problem(password, address).ifPresent(code -> {
			throw new AccountRefused(code);
		});
		if (accounts.findByEmail(address).isPresent()) {
			mails.send(address, "mail.account.exists", locale, "/password/forgot");
			return;
		}
		Account account = Account.local(address, displayName, passwords.encode(password));
		account.chooseLanguage(locale.getLanguage());
		accounts.save(account);
		memberships.save(Membership.citizen(account.getId()));
		String token = tokens.issue(account.getId(), Purpose.VERIFY_EMAIL, policy.verificationValidFor());
		mails.send(address, "mail.account.verify", locale, "/account/verify?token=" + token);
	}
}
