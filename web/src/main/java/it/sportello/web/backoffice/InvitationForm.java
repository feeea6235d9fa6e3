package it.sportello.web.backoffice;

import it.sportello.core.account.Role;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An invitation to the office's staff: the address it goes to, and the staff role it gives. */
class InvitationForm {

	@NotNull(message = "{backoffice.staff.invalid}")
	@Pattern(regexp = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}\\s*", message = "{backoffice.staff.invalid}")
	private String email;

	@NotNull(message = "{backoffice.staff.invalid}")
	private Role role;

	/** Only staff are invited here: a citizen or an association signs up on their own. */
	@AssertTrue(message = "{backoffice.staff.invalid}")
	boolean isStaffRole() {
		return role == null || role.isStaff();
	}

	/** The address, without surrounding spaces. */
	String address() {
		return email.strip();
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}
}
