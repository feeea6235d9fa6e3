package it.sportello.core.booking;

import it.sportello.core.event.DomainEvent;
import it.sportello.core.tenancy.TenantId;

/** A booking's day is near: the person is reminded of it, once. */
public record BookingReminderDue(TenantId tenant, String reference) implements DomainEvent {
}
