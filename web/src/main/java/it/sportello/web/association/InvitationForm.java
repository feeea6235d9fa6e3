package it.sportello.web.association;

/**
 * The dashboard's form that invites a person to work for the association; the address is checked where accounts are
 * made.
 */
record InvitationForm(String email) {
}
