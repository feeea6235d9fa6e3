package it.sportello.core.message;

import it.sportello.core.booking.BookingReference;

/** A message of the office with the booking it is about, as the person's own space lists them. */
public record AccountMessage(BookingReference booking, Message message) {
}
