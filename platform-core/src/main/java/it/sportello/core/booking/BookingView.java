package it.sportello.core.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import it.sportello.core.text.LocalizedText;

/**
 * A booking as the person and the office see it; the persons' keys are not part of it.
 * @param attention why the office must look at it (a closure or reduction hit its day), or null
 */
public record BookingView(BookingReference reference, BookingStatus status, Channel channel, long practiceId,
		LocalizedText practiceName, long slotId, Instant startsAt, Instant endsAt, LocalizedText siteName,
		String siteAddress, List<Person> persons, Long accountId, Long associationId, String email, String language,
		String attention) {

	/** A person of the booking, by name. */
	public record Person(String fullName, boolean minor, String nationality, LocalDate birthDate) {
	}
}
