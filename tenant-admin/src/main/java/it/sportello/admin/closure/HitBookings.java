package it.sportello.admin.closure;

/** What a closure or reduction does with the bookings it hits. */
public enum HitBookings {

	/** Each to the nearest free time of its practice after the day; cancelled when there is none. */
	MOVE,

	/** Each cancelled. */
	CANCEL
}
