package it.sportello.core.calendar;

/**
 * How a closure or a change of hours takes slots out of booking, as SQL on {@code {t}.slot}: a slot nothing names is
 * deleted; one that a booking names (a cancelled booking keeps its slot, and the booking table's key checks it at
 * commit), or a hold or a draw entry, stays but is withdrawn: full, and released never, so that no one else takes it
 * even when a place on it is freed later, and the bookings on it keep their time.
 */
public final class SlotRemoval {

	/** The condition on a slot that may be deleted. */
	public static final String UNNAMED = "booked = 0 and held = 0"
			+ " and not exists (select 1 from {t}.booking b where b.slot_id = slot.id)"
			+ " and not exists (select 1 from {t}.place_hold h where h.slot_id = slot.id)"
			+ " and not exists (select 1 from {t}.release_entry e where e.slot_id = slot.id)";

	/** The assignments that withdraw a slot that stays. */
	public static final String WITHDRAW = "capacity = booked + held, released_at = 'infinity'";

	/** The condition on a slot that was withdrawn. */
	public static final String WITHDRAWN = "released_at = 'infinity'";

	private SlotRemoval() {
	}
}
