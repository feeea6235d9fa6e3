package it.sportello.core.testsupport;

import it.sportello.core.tenancy.CurrentTenant;

/**
 * A test Questura ready to take bookings: one service line open every day 08:30-12:30, and three practices on it.
 * @param application bookable by citizens and associations
 * @param pickUp a pick-up, which needs the ready list
 * @param associationsOnly bookable by associations only
 */
public record Agenda(CurrentTenant tenant, long siteId, long serviceLineId, long application, long pickUp,
		long associationsOnly) {
}
