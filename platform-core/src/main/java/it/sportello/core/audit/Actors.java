package it.sportello.core.audit;

import java.util.Optional;

/**
 * How the audit log and the booking function name who acted: {@code account:<id>} for a person or an association's
 * member acting for themselves, {@code staff:<id>} for an office's staff,
 * {@code api-key:<id>} for a program, {@code system} for the jobs.
 */
public final class Actors {

	/** The jobs: confirm-or-release, the draw, the waiting list. */
	public static final String SYSTEM = "system";

	static final String ACCOUNT = "account:";

	static final String STAFF = "staff:";

	static final String API_KEY = "api-key:";

	private Actors() {
	}

	/** A person (citizen or association member) acting with their account. */
	public static String account(long accountId) {
		return ACCOUNT + accountId;
	}

	/** A member of the office's staff acting for the office. */
	public static String staff(long accountId) {
		return STAFF + accountId;
	}

	/** A program calling the API with an association's or an office's key. */
	public static String apiKey(long keyId) {
		return API_KEY + keyId;
	}

	/** The account behind an actor that is a person or a member of staff; empty for the jobs and API keys. */
	public static Optional<Long> accountOf(String actor) {
		if (actor == null || !(actor.startsWith(ACCOUNT) || actor.startsWith(STAFF))) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(actor.substring(actor.indexOf(':') + 1)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}
}
