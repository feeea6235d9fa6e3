package it.sportello.core.booking;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A place was booked in a slot. */
public record BookingMade(TenantId tenant, String reference, Channel channel, long slotId) implements DomainEvent {
}
