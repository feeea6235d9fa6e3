package it.sportello.core.account;

import java.time.Instant;
import java.util.Locale;

import it.sportello.core.tenancy.SchemaNames;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's account on the platform: local (e-mail and password) or keyed by the identity provider's subject. Its
 * roles are {@link Membership}s.
 */
@Entity
@Table(schema = SchemaNames.PLATFORM, name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String displayName;

	private String passwordHash;

	private String oidcSubject;

	private boolean emailVerified;

	private int failedLogins;

	private Instant lockedUntil;

	private String language = "it";

	private Instant createdAt;

	protected Account() {
	}

	private Account(String email, String displayName, String passwordHash, String oidcSubject, boolean emailVerified) {
		this.email = normalise(email);
		this.displayName = displayName.strip();
		this.passwordHash = passwordHash;
		this.oidcSubject = oidcSubject;
		this.emailVerified = emailVerified;
		this.createdAt = Instant.now();
	}

	/** A local account, not yet verified. */
	public static Account local(String email, String displayName, String passwordHash) {
		return new Account(email, displayName, passwordHash, null, false);
	}

	/** An account created at the first login through the identity provider, which verified the e-mail. */
	static Account fromIdentityProvider(String subject, String email, String displayName) {
		return new Account(email, displayName, null, subject, true);
	}

	public static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** Links a local account to the identity provider's subject, at its first login there with the same e-mail. */
	void linkSubject(String subject) {
		if (oidcSubject != null && !oidcSubject.equals(subject)) {
			throw new IllegalStateException("The account is linked to another subject");
		}
		this.oidcSubject = subject;
	}

	public void verifyEmail() {
		this.emailVerified = true;
	}

	/** A wrong password: after too many in a row the account is locked for a while. */
	void loginFailed(Instant now, LoginPolicy policy) {
		failedLogins++;
		if (failedLogins >= policy.maxFailures()) {
			lockedUntil = now.plus(policy.lockFor());
			failedLogins = 0;
		}
	}

	void loginSucceeded() {
		failedLogins = 0;
		lockedUntil = null;
	}

	public boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** A new password also lifts a lock: the person proved they own the e-mail. */
	void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

	void chooseLanguage(String language) {
		this.language = language;
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public String getOidcSubject() {
		return oidcSubject;
	}

	public boolean isEmailVerified() {
		return emailVerified;
	}

	public String getLanguage() {
		return language;
	}
}
