package it.sportello.core.account;

import java.util.Locale;

/**
 * Invites a person to be staff of a Questura: the account gets the role, and the person an e-mail to set a password.
 * Local accounts by default; through Keycloak with the {@code keycloak} profile (the adapter lives in infra).
 */
public interface StaffInvitations {

	void invite(String email, Role role, String tenantSlug, Locale locale);
}
