package it.sportello.core.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state change, as the audit log keeps it. Its particulars are data, not prose: the pages word them in the
 * reader's language and time zone (message {@code audit.detail.<action>}, the facts its arguments in their order).
 * @param actor who did it (an account, a staff member, "system")
 * @param action what happened, e.g. {@code BOOKED}
 * @param channel through which channel (citizen, association, office), if any
 * @param bookingReference the booking concerned, if any
 * @param subject for whom (a person key, an account), if any
 * @param detail what a person typed about it (a reason), kept as typed; older events hold English prose here
 * @param facts named values (instants and days in ISO-8601, numbers, codes), in the order the action's message names
 * them; null for events without any, and for events recorded before facts were kept
 */
public record AuditEntry(String actor, String action, String channel, String bookingReference, String subject,
		String detail, Map<String, String> facts) {

	public AuditEntry {
		facts = facts == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
	}

	/** An entry without facts. */
	public AuditEntry(String actor, String action, String channel, String bookingReference, String subject,
			String detail) {
		this(actor, action, channel, bookingReference, subject, detail, null);
	}

	/** This entry with one more fact, after those it has; a null value adds nothing. */
	public AuditEntry with(String name, Object value) {
		if (value == null) {
			return this;
		}
		Map<String, String> more = facts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(facts);
		more.put(name, value.toString());
		return new AuditEntry(actor, action, channel, bookingReference, subject, detail, more);
	}
}
