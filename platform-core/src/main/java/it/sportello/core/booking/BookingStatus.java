package it.sportello.core.booking;

import it.sportello.core.booking.BookingRefused.Reason;

/** Where a booking stands. Each move is allowed from some states only; the others are refused. */
public enum BookingStatus {
	BOOKED, CHECKED_IN, SERVED, NO_SHOW, CANCELLED;

	/** Whether the booking still holds its place and its person's claim. */
	public boolean isActive() {
		return this == BOOKED || this == CHECKED_IN;
	}

	BookingStatus checkIn() {
		return require(this == BOOKED, CHECKED_IN);
	}

	BookingStatus serve() {
		return require(this == CHECKED_IN, SERVED);
	}

	BookingStatus noShow() {
		return require(this == BOOKED, NO_SHOW);
	}

	/** A no-show recorded by mistake: the booking is booked again, as it was before. */
	BookingStatus undoNoShow() {
		return require(this == NO_SHOW, BOOKED);
	}

	BookingStatus cancel() {
		return require(this == BOOKED, CANCELLED);
	}

	BookingStatus move() {
		return require(this == BOOKED, BOOKED);
	}

	private BookingStatus require(boolean allowed, BookingStatus next) {
		if (!allowed) {
			throw new BookingRefused(Reason.NOT_IN_A_STATE_TO_DO_THAT);
		}
		return next;
	}
}
