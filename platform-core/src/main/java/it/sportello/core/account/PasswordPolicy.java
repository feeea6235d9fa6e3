package it.sportello.core.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (NIST 800-63B style): at least 12 characters, at most 128, not the e-mail, not one of the
 * passwords everybody tries first. No rules on character classes: length is what protects.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = Set.of("123456789012", "password1234", "passwordpassword",
			"qwertyuiopas", "111111111111", "123123123123", "iloveyou1234", "abc123abc123", "password123!",
			"questura2026", "permessodisoggiorno", "sportello2026");

	private PasswordPolicy() {
	}

	/** The message code of what is wrong with the password, if anything. */
	public static Optional<String> problem(String password, String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("account.password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("account.password.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String local = Account.normalise(email).split("@")[0];
		if (COMMON.contains(lower) || (!local.isEmpty() && lower.contains(local))) {
			return Optional.of("account.password.guessable");
		}
		return Optional.empty();
	}
}
