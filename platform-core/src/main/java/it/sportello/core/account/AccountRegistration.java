package it.sportello.core.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import it.sportello.core.account.AccountTokens.Purpose;
import it.sportello.core.mail.Mailer;
import it.sportello.core.mail.OutgoingMail;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local accounts: registration with e-mail verification, and password reset. Answers never tell whether an e-mail
 * has an account; the mail to that address does.
 */
@Service
@EnableConfigurationProperties({ LoginPolicy.class, AccountRegistration.Links.class })
public class AccountRegistration {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");

	private final Accounts accounts;

	private final Memberships memberships;

	private final AccountTokens tokens;

	private final PasswordEncoder passwords;

	private final Mailer mailer;

	private final MessageSource messages;

	private final LoginPolicy policy;

	private final Links links;

	AccountRegistration(Accounts accounts, Memberships memberships, AccountTokens tokens, PasswordEncoder passwords,
			Mailer mailer, MessageSource messages, LoginPolicy policy, Links links) {
		this.accounts = accounts;
		this.memberships = memberships;
		this.tokens = tokens;
		this.passwords = passwords;
		this.mailer = mailer;
		this.messages = messages;
		this.policy = policy;
		this.links = links;
	}

	/** Registers a citizen and mails the verification link; an address already known gets a reminder instead. */
	@Transactional
	public void register(String email, String displayName, String password, Locale locale) {
		String address = Account.normalise(email);
		if (!EMAIL.matcher(address).matches() || address.length() > 254) {
			throw new AccountRefused("account.email.invalid");
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			throw new AccountRefused("account.name.required");
		}
		PasswordPolicy.problem(password, address).ifPresent(code -> {
			throw new AccountRefused(code);
		});
		if (accounts.findByEmail(address).isPresent()) {
			send(address, "mail.account.exists", locale, links.base() + "/password/forgot");
			return;
		}
		Account account = Account.local(address, displayName, passwords.encode(password));
		account.chooseLanguage(locale.getLanguage());
		accounts.save(account);
		memberships.save(Membership.citizen(account.getId()));
		String token = tokens.issue(account.getId(), Purpose.VERIFY_EMAIL, policy.verificationValidFor());
		send(address, "mail.account.verify", locale, links.base() + "/account/verify?token=" + token);
	}

	/**
	 * Invites a person by e-mail: their account is made if it does not exist yet (with no password, so nobody can sign
	 * in with it) and they receive a link to choose a password. Returns the account.
	 */
	@Transactional
	public Account invite(String email, Locale locale, String subjectKey, Object... subjectArgs) {
		String address = Account.normalise(email);
		if (!EMAIL.matcher(address).matches()) {
			throw new AccountRefused("account.email.invalid");
		}
		Account account = accounts.findByEmail(address)
			.orElseGet(() -> accounts.save(Account.local(address, address, null)));
		String link = links.base() + "/login";
		if (account.getPasswordHash() == null) {
			link = links.base() + "/account/invitation?token="
					+ tokens.issue(account.getId(), Purpose.INVITATION, policy.verificationValidFor());
		}
		send(address, subjectKey, locale, link, subjectArgs);
		return account;
	}

	public boolean canAcceptInvitation(String token) {
		return tokens.peek(token, Purpose.INVITATION).isPresent();
	}

	/** Sets the invited person's password; the link proved the address. */
	@Transactional
	public boolean acceptInvitation(String token, String password) {
		return setPassword(token, Purpose.INVITATION, password);
	}

	/** Whether a verification link still works; looking changes nothing. */
	public boolean canVerify(String token) {
		return tokens.peek(token, Purpose.VERIFY_EMAIL).isPresent();
	}

	@Transactional
	public boolean verify(String token) {
		return tokens.consume(token, Purpose.VERIFY_EMAIL).flatMap(accounts::findById).map(account -> {
			account.verifyEmail();
			return true;
		}).orElse(false);
	}

	/** Mails a reset link if the address has a local account; says nothing either way. */
	@Transactional
	public void requestReset(String email, Locale locale) {
		accounts.findByEmail(Account.normalise(email)).filter(a -> a.getPasswordHash() != null).ifPresent(account -> {
			String token = tokens.issue(account.getId(), Purpose.RESET_PASSWORD, policy.resetValidFor());
			send(account.getEmail(), "mail.account.reset", locale, links.base() + "/password/reset?token=" + token);
		});
	}

	public boolean canReset(String token) {
		return tokens.peek(token, Purpose.RESET_PASSWORD).isPresent();
	}

	/** Sets the new password if the link is still good; the address is proved verified by the same token. */
	@Transactional
	public boolean resetPassword(String token, String newPassword) {
		return setPassword(token, Purpose.RESET_PASSWORD, newPassword);
	}

	private boolean setPassword(String token, Purpose purpose, String password) {
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

	/** Counts a wrong password against the account, which locks for a while after too many. */
	@Transactional
	public void loginFailed(String email) {
		accounts.findByEmail(Account.normalise(email)).ifPresent(account -> account.loginFailed(Instant.now(), policy));
	}

	@Transactional
	public void loginSucceeded(long accountId) {
		accounts.findById(accountId).ifPresent(Account::loginSucceeded);
	}

	/** Sends the mail of the key; its body's last argument is the link, which stays even without the bundle. */
	private void send(String to, String key, Locale locale, String link, Object... args) {
		Object[] withLink = Arrays.copyOf(args, args.length + 1);
		withLink[args.length] = link;
		mailer.send(new OutgoingMail(to, messages.getMessage(key + ".subject", args, "Sportello", locale),
				messages.getMessage(key + ".body", withLink, link, locale)));
	}

	/**
	 * Where the links in e-mails point.
	 * @param base the public address of Sportello, without a trailing slash
	 */
	@ConfigurationProperties("sportello.links")
	public record Links(@DefaultValue("http://localhost:8080") String base) {

		/** Refuses at start an address a mail could not link to; a trailing slash is dropped. */
		public Links {
			if (base == null || !base.matches("https?://[^/\\s]+(/\\S*)?")) {
				throw new IllegalArgumentException("sportello.links.base must be the absolute public address of Sportello, "
						+ "such as https://sportello.example.it (it was: " + base + ")");
			}
			base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		}
	}
}
