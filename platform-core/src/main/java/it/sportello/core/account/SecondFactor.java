package it.sportello.core.account;

import java.time.Instant;

import it.sportello.core.tenancy.SchemaNames;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The TOTP secret of a local account that signs in with a second factor, and what guards it: the last time step a code
 * was accepted for (a code is never accepted twice), wrong codes in a row, and a lock after too many.
 */
@Entity
@Table(schema = SchemaNames.PLATFORM, name = "second_factor")
class SecondFactor {

	@Id
	private Long accountId;

	private String secret;

	private Instant confirmedAt;

	private long lastUsedStep;

	private int failedAttempts;

	private Instant lockedUntil;

	protected SecondFactor() {
	}

	SecondFactor(long accountId, String secret) {
		this.accountId = accountId;
		this.secret = secret;
	}

	String secret() {
		return secret;
	}

	boolean isConfirmed() {
		return confirmedAt != null;
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Whether a code of this time step may still be accepted: only steps after the last one accepted. */
	boolean isUnused(long step) {
		return step > lastUsedStep;
	}

	/** A right code: its step is spent, the failures forgotten, and an enrolment confirmed. */
	void accepted(long step, Instant now) {
		lastUsedStep = Math.max(lastUsedStep, step);
		failedAttempts = 0;
		lockedUntil = null;
		if (confirmedAt == null) {
			confirmedAt = now;
		}
	}

	/** A recovery code: the failures are forgotten, no time step is spent. */
	void recovered() {
		failedAttempts = 0;
		lockedUntil = null;
	}

	/** A wrong code: after too many in a row the second factor is locked for a while. */
	void failed(Instant now, LoginPolicy policy) {
		failedAttempts++;
		if (failedAttempts >= policy.maxFailures()) {
			lockedUntil = now.plus(policy.lockFor());
			failedAttempts = 0;
		}
	}
}
