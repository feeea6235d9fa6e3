package it.sportello.web.association;

import java.util.List;

import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationBookings;
import it.sportello.web.booking.BookingJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/association/bookings}: the association's bookings in every Questura, latest appointment first,
 * with an association's API key or signed in as one of its members. Its clients' bookings are made, moved and
 * cancelled through each Questura's booking API.
 */
@RestController
class AssociationBookingsApiController {

	private final AssociationBookings bookings;

	AssociationBookingsApiController(AssociationBookings bookings) {
		this.bookings = bookings;
	}

	@GetMapping("/api/v1/association/bookings")
	List<BookingJson> all(Association association) {
		return bookings.of(association).stream().map(l -> BookingJson.of(l.slug(), l.booking())).toList();
	}
}
