package it.sportello.core.booking;

import java.time.LocalDate;

import it.sportello.core.person.PersonIdentity;

/**
 * A person who comes to the appointment: the holder first, then any minor children applying with them.
 * @param fullName as on the document
 * @param identity the codice fiscale or document; only its key is stored
 * @param minor whether this is a minor child of the holder
 * @param nationality the country of citizenship (ISO 3166 alpha-2), if given
 * @param birthDate the date of birth, if given
 */
public record PersonDetails(String fullName, PersonIdentity identity, boolean minor, String nationality,
		LocalDate birthDate) {

	public PersonDetails(String fullName, PersonIdentity identity, boolean minor) {
		this(fullName, identity, minor, null, null);
	}
}
