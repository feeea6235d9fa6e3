package it.sportello.core.booking;

/** How a booking was made: by the person, by an association for its client, or by the office. */
public enum Channel {
	CITIZEN, ASSOCIATION, OFFICE
}
