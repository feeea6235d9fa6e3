package it.sportello.core.booking;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A booking made long before its day must now be confirmed by its person, or it will be released. */
public record ConfirmationRequested(TenantId tenant, String reference) implements DomainEvent {
}
