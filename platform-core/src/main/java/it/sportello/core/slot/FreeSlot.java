package it.sportello.core.slot;

import java.time.Instant;

/** A slot with at least one free place. */
public record FreeSlot(long id, Instant startsAt, Instant endsAt, int free) {
}
