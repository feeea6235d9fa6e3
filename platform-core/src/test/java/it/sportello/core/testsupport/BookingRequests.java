package it.sportello.core.testsupport;

import java.util.ArrayList;
import java.util.List;

import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;

/** Booking requests with defaults: {@code aCitizenBooking(agenda, slot).forPerson(p).build()}. */
public final class BookingRequests {

	private long practiceId;

	private long slotId;

	private Channel channel = Channel.CITIZEN;

	private Long accountId = People.newAccount();

	private Long associationId;

	private final List<PersonDetails> persons = new ArrayList<>();

	private String practiceNumber;

	private BookingRequests(long practiceId, long slotId) {
		this.practiceId = practiceId;
		this.slotId = slotId;
	}

	public static BookingRequests aCitizenBooking(Agenda agenda, long slotId) {
		return new BookingRequests(agenda.application(), slotId);
	}

	public BookingRequests forPractice(long practiceId) {
		this.practiceId = practiceId;
		return this;
	}

	public BookingRequests inSlot(long slotId) {
		this.slotId = slotId;
		return this;
	}

	public BookingRequests forPerson(PersonDetails person) {
		persons.add(person);
		return this;
	}

	public BookingRequests byAccount(long accountId) {
		this.accountId = accountId;
		return this;
	}

	public BookingRequests byAssociation(long associationId) {
		this.channel = Channel.ASSOCIATION;
		this.associationId = associationId;
		return this;
	}

	public BookingRequests byOffice() {
		this.channel = Channel.OFFICE;
		this.accountId = null;
		return this;
	}

	public BookingRequests withPracticeNumber(String practiceNumber) {
		this.practiceNumber = practiceNumber;
		return this;
	}

	public BookingRequest build() {
		List<PersonDetails> all = persons.isEmpty() ? List.of(People.anyone()) : persons;
		return new BookingRequest(practiceId, slotId, channel, accountId, associationId, all, practiceNumber,
				"persona@example.it", null, "it", channel == Channel.OFFICE ? "staff:test" : "account:" + accountId);
	}
}
