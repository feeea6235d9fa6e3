package it.sportello.core.message;

import java.time.Instant;

/** A message from the office about a booking, and whether the person has read it. */
public record Message(long id, Instant sentAt, String author, String body, Instant readAt) {

	public boolean isRead() {
		return readAt != null;
	}
}
