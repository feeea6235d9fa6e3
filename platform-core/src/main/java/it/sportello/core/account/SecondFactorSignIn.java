package it.sportello.core.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of a local sign-in for the roles that need it ({@link Role#needsSecondFactor()}): enrolment of an
 * authenticator app (a TOTP secret shown once as a QR code, confirmed by a first code, with recovery codes shown once),
 * then a six-digit code at every sign-in. A code is accepted once (its time step is spent), wrong codes lock the step
 * for a while like wrong passwords do, and a recovery code opens the account once.
 */
@Service
public class SecondFactorSignIn {

	/** RFC 6238's defaults, which every authenticator app reads: SHA-1, six digits, 30 seconds. */
	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	/** Codes of the step before and after the current one are accepted too: phones' clocks drift. */
	private static final int DRIFT_STEPS = 1;

	private static final int RECOVERY_CODES = 10;

	/** What a code did. */
	public enum Outcome {
		ACCEPTED, WRONG, REPLAYED, LOCKED
	}

	/** An enrolment under way: the secret to load into the app, and the otpauth URI its QR code carries. */
	public record Enrolment(String secret, String otpauthUri) {
	}

	private final SecondFactors factors;

	private final RecoveryCodes recoveryCodes;

	private final Accounts accounts;

	private final LoginPolicy policy;

	private final Clock clock;

	private final DefaultCodeGenerator codes = new DefaultCodeGenerator();

	@Autowired
	SecondFactorSignIn(SecondFactors factors, RecoveryCodes recoveryCodes, Accounts accounts, LoginPolicy policy) {
		this(factors, recoveryCodes, accounts, policy, Clock.systemUTC());
	}

	SecondFactorSignIn(SecondFactors factors, RecoveryCodes recoveryCodes, Accounts accounts, LoginPolicy policy,
			Clock clock) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.accounts = accounts;
		this.policy = policy;
		this.clock = clock;
	}

	/** Whether the account has confirmed an authenticator app. */
	@Transactional(readOnly = true)
	public boolean isEnrolled(long accountId) {
		return factors.findById(accountId).map(SecondFactor::isConfirmed).orElse(false);
	}

	/**
	 * Starts (or shows again) the enrolment of an account that has no confirmed second factor: the same secret until it
	 * is confirmed, so a reloaded page shows the QR code already scanned.
	 */
	@Transactional
	public Enrolment enrolment(long accountId) {
		SecondFactor factor = factors.findById(accountId)
			.orElseGet(() -> factors.save(new SecondFactor(accountId, new DefaultSecretGenerator(32).generate())));
		if (factor.isConfirmed()) {
			throw new IllegalStateException("The account has a second factor already");
		}
		// Google's key URI format: issuer, a literal colon, the account; each part URL-encoded
		String account = URLEncoder.encode(accounts.findById(accountId).orElseThrow().getEmail(), StandardCharsets.UTF_8)
			.replace("+", "%20");
		return new Enrolment(factor.secret(), "otpauth://totp/Sportello:" + account + "?secret=" + factor.secret()
				+ "&issuer=Sportello&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS);
	}

	/**
	 * Confirms the enrolment with the first code the app shows; the answer's recovery codes are shown once and kept
	 * only as hashes. Empty when the code is not right (or the step is locked).
	 */
	@Transactional
	public Optional<List<String>> confirm(long accountId, String code) {
		SecondFactor factor = factors.lockByAccountId(accountId).orElseThrow();
		if (factor.isConfirmed() || check(factor, code) != Outcome.ACCEPTED) {
			return Optional.empty();
		}
		recoveryCodes.deleteByAccountId(accountId);
		List<String> issued = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
		issued.forEach(recovery -> recoveryCodes.save(new RecoveryCode(accountId, recovery)));
		return Optional.of(issued);
	}

	/** A code at sign-in: a six-digit code of the app, or one of the recovery codes. */
	@Transactional(noRollbackFor = RuntimeException.class)
	public Outcome verify(long accountId, String code) {
		SecondFactor factor = factors.lockByAccountId(accountId).filter(SecondFactor::isConfirmed).orElseThrow();
		String typed = RecoveryCode.normalise(code);
		if (typed.length() > DIGITS && !factor.isLocked(clock.instant())) {
			return recovery(factor, accountId, typed);
		}
		return check(factor, typed);
	}

	/** Gives an account the demo secret, already confirmed: the demo accounts only, never in prod. */
	@Transactional
	public void enrolWithSecret(long accountId, String secret) {
		SecondFactor factor = new SecondFactor(accountId, secret);
		factor.accepted(0, clock.instant());
		factors.save(factor);
	}

	private Outcome check(SecondFactor factor, String code) {
		Instant now = clock.instant();
		if (factor.isLocked(now)) {
			return Outcome.LOCKED;
		}
		long current = now.getEpochSecond() / PERIOD_SECONDS;
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			if (matches(factor.secret(), step, code)) {
				if (!factor.isUnused(step)) {
					return Outcome.REPLAYED;
				}
				factor.accepted(step, now);
				return Outcome.ACCEPTED;
			}
		}
		factor.failed(now, policy);
		return factor.isLocked(now) ? Outcome.LOCKED : Outcome.WRONG;
	}

	private Outcome recovery(SecondFactor factor, long accountId, String typed) {
		if (recoveryCodes.findByAccountIdAndCodeHash(accountId, Digests.sha256(typed))
			.map(recovery -> recovery.use(clock.instant()))
			.orElse(false)) {
			factor.recovered();
			return Outcome.ACCEPTED;
		}
		factor.failed(clock.instant(), policy);
		return factor.isLocked(clock.instant()) ? Outcome.LOCKED : Outcome.WRONG;
	}

	private boolean matches(String secret, long step, String code) {
		try {
			return MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
