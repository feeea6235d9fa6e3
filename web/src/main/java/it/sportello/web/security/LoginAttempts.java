package it.sportello.web.security;

import it.sportello.core.account.AccountRegistration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords against the account (which locks after too many) and clears them on a good login. */
@Component
class LoginAttempts {

	private final AccountRegistration accounts;

	LoginAttempts(AccountRegistration accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		accounts.loginFailed(String.valueOf(event.getAuthentication().getPrincipal()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SportelloUser user) {
			accounts.loginSucceeded(user.getAccountId());
		}
	}
}
