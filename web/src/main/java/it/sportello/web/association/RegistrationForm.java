package it.sportello.web.association;

/**
 * The sign-up form of an association; {@code Associations.register} checks it (the rules live where associations are
 * kept) and names the first problem.
 * @param taxNumber its codice fiscale or partita IVA
 * @param pec its certified e-mail address
 */
record RegistrationForm(String name, String taxNumber, String pec) {
}
