package it.sportello.web.backoffice;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The bookings of the current Questura as its staff open them by reference: any other reference is not found here. */
@Component
class OfficeBookings {

	private final BookingQueries queries;

	OfficeBookings(BookingQueries queries) {
		this.queries = queries;
	}

	/** The booking with the reference, or a 404. */
	BookingView find(String reference) {
		return BookingReference.parse(reference)
			.flatMap(queries::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
