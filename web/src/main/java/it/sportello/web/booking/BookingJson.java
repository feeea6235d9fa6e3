package it.sportello.web.booking;

import java.time.Instant;

import it.sportello.core.booking.BookingView;

/**
 * A booking as the API shows it.
 * @param questura the Questura's slug
 * @param client the holder's name
 */
public record BookingJson(String questura, String reference, String status, long practiceId, Instant startsAt,
		Instant endsAt, String site, String client, String language) {

	public static BookingJson of(String slug, BookingView b) {
		return new BookingJson(slug, b.reference().value(), b.status().name(), b.practiceId(), b.startsAt(), b.endsAt(),
				b.siteAddress(), b.persons().isEmpty() ? null : b.persons().get(0).fullName(), b.language());
	}
}
