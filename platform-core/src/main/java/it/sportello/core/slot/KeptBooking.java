package it.sportello.core.slot;

import java.time.Instant;

/**
 * An active booking at a time its service line no longer offers (its hours changed, or its day was closed): it stays
 * valid and the office receives the person then, unless it moves or cancels it.
 * @param reference the booking's reference
 * @param startsAt when the person comes
 * @param holder the name of the person who holds it
 */
public record KeptBooking(String reference, Instant startsAt, String holder) {
}
