package it.sportello.core.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How local logins are protected.
 * @param maxFailures wrong passwords in a row before the account is locked for a while
 * @param lockFor how long it stays locked
 * @param verificationValidFor how long an e-mail verification link works
 * @param resetValidFor how long a password-reset link works
 */
@ConfigurationProperties("sportello.accounts")
record LoginPolicy(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockFor,
		@DefaultValue("48h") Duration verificationValidFor, @DefaultValue("1h") Duration resetValidFor) {
}
