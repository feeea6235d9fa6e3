package it.sportello.admin.closure;

/** A closure or reduction that cannot be made as asked; nothing was changed. */
public class ClosureRefused extends RuntimeException {

	/** Why it cannot be made. */
	public enum Reason {
		/** The day is before today in the office's zone: the past is not changed. */
		PAST_DAY,
		/** The service line named does not exist here, or a reduction names none. */
		UNKNOWN_SERVICE_LINE,
		/** The day is already closed for the same service line (or the whole office). */
		ALREADY_CLOSED
	}

	private final Reason reason;

	ClosureRefused(Reason reason) {
		// an answer to the admin, not a fault: no stack trace
		super(reason.name(), null, false, false);
		this.reason = reason;
	}

	public Reason getReason() {
		return reason;
	}
}
