package it.sportello.core.association;

/**
 * What an association's plan allows now. Active: book up to the quota. Past due: the same during the grace period,
 * then no new bookings. Canceled or none: no new bookings. No state ever cancels a booking already made.
 */
public enum Entitlement {
	NONE, ACTIVE, PAST_DUE, CANCELED
}
