package it.sportello.core.booking;

import java.util.List;

/**
 * A request for a place.
 * @param practiceId the practice
 * @param slotId the slot chosen
 * @param channel citizen, association or office
 * @param accountId the citizen's or association member's account, if any
 * @param associationId the association booking for its client, if any
 * @param persons the holder first, then minor children applying with them
 * @param practiceNumber for a pick-up, the number of the permit application on the ready list
 * @param email where the person wants to be told, if anywhere
 * @param phone optional
 * @param language the language the person reads (it, en, fr, ar)
 * @param actor who makes the request, for the audit log
 * @param origin the client address a person's request came from, kept with the booking (or the draw entry) for the
 * abuse report; null for the office's and the jobs' requests
 */
public record BookingRequest(long practiceId, long slotId, Channel channel, Long accountId, Long associationId,
		List<PersonDetails> persons, String practiceNumber, String email, String phone, String language, String actor,
		String origin) {

	public BookingRequest {
		persons = persons == null ? List.of() : List.copyOf(persons);
		language = language == null ? "it" : language;
	}

	/** A request with no client address: the office's, a job's. */
	public BookingRequest(long practiceId, long slotId, Channel channel, Long accountId, Long associationId,
			List<PersonDetails> persons, String practiceNumber, String email, String phone, String language,
			String actor) {
		this(practiceId, slotId, channel, accountId, associationId, persons, practiceNumber, email, phone, language,
				actor, null);
	}

	/** This request, as it came from the client address. */
	public BookingRequest from(String address) {
		return new BookingRequest(practiceId, slotId, channel, accountId, associationId, persons, practiceNumber, email,
				phone, language, actor, address == null ? "unknown" : address);
	}

	BookingRequest withPracticeNumber(String number) {
		return new BookingRequest(practiceId, slotId, channel, accountId, associationId, persons, number, email, phone,
				language, actor, origin);
	}
}
