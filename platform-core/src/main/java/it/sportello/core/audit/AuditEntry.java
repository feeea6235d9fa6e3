package it.sportello.core.audit;

/**
 * One state change, as the audit log keeps it.
 * @param actor who did it (an account, a staff member, "system")
 * @param action what happened, e.g. {@code BOOKED}
 * @param channel through which channel (citizen, association, office), if any
 * @param bookingReference the booking concerned, if any
 * @param subject for whom (a person key, an account), if any
 * @param detail anything else worth keeping
 */
public record AuditEntry(String actor, String action, String channel, String bookingReference, String subject,
		String detail) {
}
