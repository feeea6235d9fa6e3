package it.sportello.core.account;

import it.sportello.core.account.AccountTokens.Purpose;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A registered person follows the link mailed to them, which proves their address: their account may sign in. */
@Service
public class EmailVerification {

	private final Accounts accounts;

	private final AccountTokens tokens;

	EmailVerification(Accounts accounts, AccountTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	/** Whether a verification link still works; looking changes nothing. */
	public boolean canVerify(String token) {
		return tokens.works(token, Purpose.VERIFY_EMAIL);
	}

	/** Verifies the address of the link's account, once; false when the link no longer works. */
	@Transactional
	public boolean verify(String token) {
		return tokens.consume(token, Purpose.VERIFY_EMAIL).flatMap(accounts::findById).map(account -> {
			account.verifyEmail();
			return true;
		}).orElse(false);
	}
}
