package it.sportello.core.booking;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A release's draw decided an entry: a booking, a place on the waiting list, or neither. */
public record DrawDecided(TenantId tenant, long entryId) implements DomainEvent {
}
