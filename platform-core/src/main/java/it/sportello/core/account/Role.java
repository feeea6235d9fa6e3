package it.sportello.core.account;

/** What an account may do, as DESIGN.md's table of roles says; staff roles hold for one Questura. */
public enum Role {
	PLATFORM_ADMIN, QUESTURA_ADMIN, OPERATOR, CITIZEN, ASSOCIATION_MEMBER, ASSOCIATION_ADMIN;

	/** Whether this role books for an association's clients. */
	public boolean isAssociation() {
		return this == ASSOCIATION_MEMBER || this == ASSOCIATION_ADMIN;
	}

	/** Whether signing in with this role takes a second factor: the office's staff and whoever manages others. */
	public boolean needsSecondFactor() {
		return this != CITIZEN && this != ASSOCIATION_MEMBER;
	}

	public boolean isStaff() {
		return this == QUESTURA_ADMIN || this == OPERATOR;
	}
}
