package it.sportello.core.booking;

/**
 * What a booking request gives: a booking, or an entry (in a release draw or a waiting list) that may become one.
 * Callers handle both.
 */
public sealed interface BookingOutcome {

	/** A place was booked. */
	record Booked(BookingReference reference) implements BookingOutcome {
	}

	/**
	 * The request was entered in a draw or a waiting list; the person is told the result later.
	 * @param entryId the entry
	 * @param kind where it was entered
	 */
	record Entered(long entryId, EntryKind kind) implements BookingOutcome {
	}

	/** Where a request that did not get a place at once waits. */
	enum EntryKind {
		RELEASE_DRAW, WAITING_LIST
	}
}
