package it.sportello.core.booking;

import it.sportello.core.person.PersonIdentity;

/**
 * A person who comes to the appointment: the holder first, then any minor children applying with them.
 * @param fullName as on the document
 * @param identity the codice fiscale or document; only its key is stored
 * @param minor whether this is a minor child of the holder
 */
public record PersonDetails(String fullName, PersonIdentity identity, boolean minor) {
}
