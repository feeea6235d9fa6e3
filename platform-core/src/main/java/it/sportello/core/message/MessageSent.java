package it.sportello.core.message;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** The office wrote to the person of a booking. */
public record MessageSent(TenantId tenant, String reference, long messageId) implements DomainEvent {
}
