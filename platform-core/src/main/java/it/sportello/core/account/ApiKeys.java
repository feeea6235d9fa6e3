package it.sportello.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machines (a Questura's systems, an association's software). The key is shown once when it is issued;
 * Sportello keeps its prefix, to find it, and a SHA-256 of its secret, to check it. A revoked key opens nothing.
 */
@Service
public class ApiKeys {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	ApiKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Issues a key; the returned text is the only time anybody sees it. */
	@Transactional
	public Issued issue(ApiKeyScope scope, String label, Long createdBy) {
		if (label == null || label.isBlank() || label.length() > 100) {
			throw new AccountRefused("apiKey.label.required");
		}
		String prefix = random(8);
		String secret = random(40);
		long id = jdbc.queryForObject("insert into platform.api_key (prefix, secret_hash, label, tenant_slug, association_id,"
				+ " created_by) values (?, ?, ?, ?, ?, ?) returning id", Long.class, prefix, Digests.sha256(secret),
				label.strip(),
				scope.tenantSlug(), scope.associationId(), createdBy);
		return new Issued(id, "sk_" + prefix + "." + secret);
	}

	/**
	 * The scope of a presented key, if it is a key Sportello issued and nobody revoked. No transaction around the
	 * look-up and the last-use stamp: each is one statement, and every API request asks here.
	 */
	public Optional<Caller> authenticate(String presented) {
		if (presented == null || !presented.matches("sk_[a-z2-9]{8}\\.[a-z2-9]{40}")) {
			return Optional.empty();
		}
		String prefix = presented.substring(3, 11);
		byte[] offered = Digests.sha256(presented.substring(12)).getBytes(StandardCharsets.US_ASCII);
		return jdbc.query("select id, secret_hash, tenant_slug, association_id from platform.api_key where prefix = ?"
				+ " and revoked_at is null", (rs, n) -> {
					boolean matches = MessageDigest.isEqual(offered, rs.getString(2).getBytes(StandardCharsets.US_ASCII));
					return matches ? new Caller(rs.getLong(1),
							new ApiKeyScope(rs.getString(3), (Long) rs.getObject(4))) : null;
				}, prefix)
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.map(caller -> {
				// once a minute at most: a write on every call would be a disk flush on every API request
				jdbc.update("update platform.api_key set last_used_at = now() where id = ? and (last_used_at is null"
						+ " or last_used_at < now() - interval '1 minute')", caller.keyId());
				return caller;
			});
	}

	@Transactional
	public boolean revoke(long keyId) {
		return jdbc.update("update platform.api_key set revoked_at = now() where id = ? and revoked_at is null",
				keyId) == 1;
	}

	/** Revokes a key of this scope only: an id of another Questura's or association's key revokes nothing. */
	@Transactional
	public boolean revoke(ApiKeyScope scope, long keyId) {
		return jdbc.update("update platform.api_key set revoked_at = now() where id = ? and revoked_at is null"
				+ " and tenant_slug is not distinct from ? and association_id is not distinct from ?", keyId,
				scope.tenantSlug(), scope.associationId()) == 1;
	}

	/** The keys of a scope, without their secrets. */
	public List<Listed> of(ApiKeyScope scope) {
		return jdbc.query("select id, 'sk_' || prefix || '…', label, revoked_at is not null, created_at, last_used_at"
				+ " from platform.api_key where tenant_slug is not distinct from ? and association_id is not distinct from ?"
				+ " order by id",
				(rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						rs.getTimestamp(5).toInstant(),
						rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()),
				scope.tenantSlug(), scope.associationId());
	}

	private static String random(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(chars);
	}

	/** A key just issued: its id and the whole key, shown once. */
	public record Issued(long id, String key) {
	}

	/** The caller a valid key stands for. */
	public record Caller(long keyId, ApiKeyScope scope) {
	}

	/** A key as lists show it: its beginning only, when it was made and last used. */
	public record Listed(long id, String shown, String label, boolean revoked, Instant createdAt, Instant lastUsedAt) {
	}
}
