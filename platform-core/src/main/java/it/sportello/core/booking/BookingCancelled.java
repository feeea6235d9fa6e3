package it.sportello.core.booking;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A booking was cancelled and its place freed. */
public record BookingCancelled(TenantId tenant, String reference, Channel by, String reason) implements DomainEvent {
}
