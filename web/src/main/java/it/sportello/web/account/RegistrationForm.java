package it.sportello.web.account;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The registration form as typed. */
class RegistrationForm {

	@NotBlank(message = "{account.name.required}")
	@Size(max = 200, message = "{account.name.required}")
	private String displayName;

	@NotBlank(message = "{account.email.invalid}")
	@Email(message = "{account.email.invalid}")
	private String email;

	@NotBlank(message = "{account.password.tooShort}")
	private String password;

	@AssertTrue(message = "{account.privacy.required}")
	private boolean privacyAccepted;

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isPrivacyAccepted() {
		return privacyAccepted;
	}

	public void setPrivacyAccepted(boolean privacyAccepted) {
		this.privacyAccepted = privacyAccepted;
	}
}
