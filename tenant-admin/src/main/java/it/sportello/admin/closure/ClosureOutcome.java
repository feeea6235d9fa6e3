package it.sportello.admin.closure;

import java.util.List;

import it.sportello.core.booking.BookingReference;

/**
 * What a closure or reduction did with the bookings it hit: those moved, those cancelled, and those it could neither
 * move nor cancel, each with why. The closure itself is in force whatever this says.
 */
public record ClosureOutcome(List<BookingReference> moved, List<BookingReference> cancelled,
		List<Unsettled> unsettled) {

	/**
	 * A booking left as it was, still flagged for the office's attention.
	 * @param why the key of the message that says why (a {@code booking.refused.*} reason, or our own fault)
	 */
	public record Unsettled(BookingReference reference, String why) {
	}
}
