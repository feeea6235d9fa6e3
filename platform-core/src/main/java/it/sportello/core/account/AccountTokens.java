package it.sportello.core.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens for the links in e-mails (verification, password reset, invitation). Only their SHA-256 is
 * stored, so the table gives no working link away.
 */
@Component
class AccountTokens {

	enum Purpose {
		VERIFY_EMAIL, RESET_PASSWORD, INVITATION
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	AccountTokens(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String issue(long accountId, Purpose purpose, Duration validFor) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.update("insert into platform.account_token (token_hash, account_id, purpose, expires_at) values (?, ?, ?, ?)",
				Digests.sha256(token), accountId, purpose.name(), Timestamp.from(Instant.now().plus(validFor)));
		return token;
	}

	/** Whether the token of a link still works; looking changes nothing. */
	boolean works(String token, Purpose purpose) {
		return peek(token, purpose).isPresent();
	}

	/** The account of a token that is unused and unexpired; changes nothing. */
	Optional<Long> peek(String token, Purpose purpose) {
		return jdbc.query("select account_id from platform.account_token where token_hash = ? and purpose = ?"
				+ " and used_at is null and expires_at > now()", (rs, n) -> rs.getLong(1), Digests.sha256(token), purpose.name())
			.stream()
			.findFirst();
	}

	/** Uses the token up, if it is still good, and returns its account. */
	Optional<Long> consume(String token, Purpose purpose) {
		return jdbc.query("update platform.account_token set used_at = now() where token_hash = ? and purpose = ?"
				+ " and used_at is null and expires_at > now() returning account_id", (rs, n) -> rs.getLong(1),
				Digests.sha256(token), purpose.name())
			.stream()
			.findFirst();
	}

}
