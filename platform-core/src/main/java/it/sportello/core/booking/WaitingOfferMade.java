package it.sportello.core.booking;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A freed place was offered to a person on the waiting list, held for them for some hours. */
public record WaitingOfferMade(TenantId tenant, long waitingEntryId) implements DomainEvent {
}
