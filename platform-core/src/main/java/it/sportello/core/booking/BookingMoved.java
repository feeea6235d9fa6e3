package it.sportello.core.booking;

import java.time.Instant;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A booking moved to another slot. */
public record BookingMoved(TenantId tenant, String reference, Channel by, Instant from, Instant to, String reason)
		implements DomainEvent {
}
