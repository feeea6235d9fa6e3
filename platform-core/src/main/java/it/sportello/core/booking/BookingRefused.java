package it.sportello.core.booking;

/**
 * A booking request, move or cancellation that cannot be carried out, with a reason the person can act on. Nothing
 * was changed. The reason names a message in the interface bundles ({@code booking.refused.<reason>}).
 */
public class BookingRefused extends RuntimeException {

	/** Why a request was refused. */
	public enum Reason {
		/** The slot has no free place left. */
		SLOT_FULL,
		/** The slot does not exist here, is past, not yet released, or is not for this practice. */
		SLOT_NOT_BOOKABLE,
		/** The practice does not exist, is not offered, or not through this channel. */
		PRACTICE_NOT_BOOKABLE,
		/** A person of the request already holds an active booking somewhere on the platform. */
		PERSON_ALREADY_BOOKED,
		/** The account already holds an active booking. */
		ACCOUNT_ALREADY_BOOKED,
		/** A pick-up needs a practice number that is on the office's ready-for-pick-up list. */
		NOT_READY_FOR_PICKUP,
		/** No booking has this reference here. */
		UNKNOWN_BOOKING,
		/** The booking is not in a state that allows this (cancelling a served booking, ...). */
		NOT_IN_A_STATE_TO_DO_THAT,
		/** The document shown does not match the booking. */
		DOCUMENT_MISMATCH,
		/** The person is already entered in this release's draw. */
		ALREADY_ENTERED,
		/** The association is not (or no longer) accredited. */
		ASSOCIATION_NOT_ACCREDITED,
		/** This Questura lets only some associations book at it, and not this one. */
		ASSOCIATION_NOT_ALLOWED_HERE,
		/** The association's plan does not allow new bookings now (no plan, cancelled, or past due beyond grace). */
		NOT_ENTITLED,
		/** The association holds as many active bookings as its plan allows. */
		QUOTA_EXCEEDED,
		/** Too many requests at once for the same places: nothing was done, try again in a moment. */
		TRY_AGAIN,
		/** The appointment has not started yet: nobody can have failed to come to it. */
		NOT_STARTED_YET,
		/** The appointment is on another day: the counter checks the person in only once the operator confirms. */
		NOT_ITS_DAY,
		/** An outcome can be undone only on the day it was recorded. */
		TOO_LATE_TO_UNDO
	}

	private final Reason reason;

	public BookingRefused(Reason reason) {
		// an answer to a person, not a fault: no stack trace, which a crowd would pay for thousands of times a second
		super(reason.name(), null, false, false);
		this.reason = reason;
	}

	public Reason getReason() {
		return reason;
	}

	/** The key of the message that explains the refusal. */
	public String getCode() {
		return "booking.refused." + reason.name();
	}
}
