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
 */
public record BookingRequest(long practiceId, long slotId, Channel channel, Long accountId, Long associationId,
		List<PersonDetails> persons, String practiceNumber, String email, String phone, String language, String actor) {

	public BookingRequest {
		persons = persons == null ? List.of() : List.copyOf(persons);
		language = language == null ? "it" : language;
	}

	BookingRequest withPracticeNumber(String number) {
		return new BookingRequest(practiceId, slotId, channel, accountId, associationId, persons, number, email, phone,
				language, actor);
	}
}
