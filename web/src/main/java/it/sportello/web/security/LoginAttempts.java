package it.sportello.web.security;

import it.sportello.core.account.LoginLockout;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords against the account (which locks after too many) and clears them on a good login. */
@Component
class LoginAttempts {

	private final LoginLockout lockout;

	LoginAttempts(LoginLockout lockout) {
		this.lockout = lockout;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		lockout.failed(String.valueOf(event.getAuthentication().getPrincipal()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SportelloUser user) {
			lockout.succeeded(user.getAccountId());
		}
	}
}
