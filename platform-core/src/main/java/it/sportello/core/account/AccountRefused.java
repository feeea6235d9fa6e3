package it.sportello.core.account;

/** An account request a person can correct; the code names the message. */
public class AccountRefused extends RuntimeException {

	private final String code;

	AccountRefused(String code) {
		super(code, null, false, false);
		this.code = code;
	}

	public String getCode() {
		return code;
	}
}
