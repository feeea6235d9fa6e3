package it.sportello.core.person;

/**
 * Identifies a person without their document: an HMAC, under a server-side secret, of their normalised codice fiscale
 * or identity document. Two bookings of the same person have the same key; the key gives back no number.
 */
public record PersonKey(String value) {

	public PersonKey {
		if (value == null || !value.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("Not a person key");
		}
	}

	@Override
	public String toString() {
		return value.substring(0, 8) + "…";
	}
}
