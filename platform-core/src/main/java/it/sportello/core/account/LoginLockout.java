package it.sportello.core.account;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts wrong passwords against a local account, which locks for a while after too many; a good login clears them. */
@Service
public class LoginLockout {

	private final Accounts accounts;

	private final LoginPolicy policy;

	LoginLockout(Accounts accounts, LoginPolicy policy) {
		this.accounts = accounts;
		this.policy = policy;
	}

	@Transactional
	public void failed(String email) {
		accounts.findByEmail(Account.normalise(email)).ifPresent(account -> account.loginFailed(Instant.now(), policy));
	}

	@Transactional
	public void succeeded(long accountId) {
		accounts.findById(accountId).ifPresent(Account::loginSucceeded);
	}
}
