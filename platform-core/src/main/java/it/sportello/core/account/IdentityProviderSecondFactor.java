package it.sportello.core.account;

/**
 * The identity provider's side of the second factor: it asks for one from the people Sportello names (with Keycloak,
 * the members of a realm group; the adapter lives in infra). Roles live in Sportello, so Sportello names them.
 */
public interface IdentityProviderSecondFactor {

	/**
	 * Makes the provider ask this person for a second factor from their next sign-in on; answers whether that is new
	 * (so the sign-in under way was made without one).
	 */
	boolean require(String subject);
}
