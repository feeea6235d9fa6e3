package it.sportello.core.account;

import java.util.Locale;

import it.sportello.core.mail.PublicLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The former name of five services, kept only for callers outside this package that still use it (the association's
 * invitations and links, the login attempts): each method hands over to the class that does the work. Remove it once
 * they call {@link AccountInvitations}, {@link LoginLockout} and {@link PublicLinks} themselves.
 */
@Deprecated(forRemoval = true)
@Component
public class AccountRegistration {

	private final AccountInvitations invitations;

	private final LoginLockout lockout;

	AccountRegistration(AccountInvitations invitations, LoginLockout lockout) {
		this.invitations = invitations;
		this.lockout = lockout;
	}

	/** See {@link AccountInvitations#invite}. */
	public Account invite(String email, Locale locale, String subjectKey, Object... subjectArgs) {
		return invitations.invite(email, locale, subjectKey, subjectArgs);
	}

	/** See {@link LoginLockout#failed}. */
	public void loginFailed(String email) {
		lockout.failed(email);
	}

	/** See {@link LoginLockout#succeeded}. */
	public void loginSucceeded(long accountId) {
		lockout.succeeded(accountId);
	}

	@Bean
	static Links formerLinks(PublicLinks links) {
		return new Links(links.base());
	}

	/** The former name of {@link PublicLinks}. */
	@Deprecated(forRemoval = true)
	public record Links(String base) {
	}
}
