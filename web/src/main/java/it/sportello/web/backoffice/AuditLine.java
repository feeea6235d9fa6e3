package it.sportello.web.backoffice;

/**
 * An audit event as a reader sees it: labels and names in the reader's language, times in the office's zone.
 * @param action the event's code, for filters and scripts; {@code actionLabel} is what a person reads
 * @param actor who did it as recorded ({@code staff:3}), for the audit page's filter; {@code actorName} names them
 * @param summary the event's particulars worded in the reader's language, or null
 * @param note what a person typed about it (a reason), or the prose of an older event, as recorded; or null
 */
record AuditLine(String when, String action, String actionLabel, String actor, String actorName,
		String channel, String reference, String summary, String note) {
}
