package it.sportello.core.event;

import it.sportello.core.tenancy.TenantId;

/** Something that happened in a Questura's agenda; it names its Questura so that work after it needs no context. */
public interface DomainEvent {

	TenantId tenant();
}
