package it.sportello.web.account;

import jakarta.validation.constraints.NotBlank;

/** The new password of a reset, with the token of the link. */
class PasswordResetForm {

	@NotBlank
	private String token;

	@NotBlank(message = "{account.password.tooShort}")
	private String password;

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}
}
