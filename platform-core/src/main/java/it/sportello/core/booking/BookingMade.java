package it.sportello.core.booking;

import java.time.Instant;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A place was booked. */
public record BookingMade(TenantId tenant, String reference, Channel channel, Instant startsAt) implements DomainEvent {
}
