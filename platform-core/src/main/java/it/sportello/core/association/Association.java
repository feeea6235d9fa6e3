package it.sportello.core.association;

import java.time.Instant;

/**
 * An association that books on behalf of foreigners: a patronato, an NGO, a law office.
 * @param quota how many active bookings its plan allows across all Questure
 * @param activeBookings how many it holds now
 * @param graceUntil while past due, until when it may still book
 */
public record Association(long id, String name, String taxNumber, String pec, AssociationStatus status,
		String decisionReason, String planCode, int quota, int activeBookings, Entitlement entitlement,
		Instant graceUntil, String stripeCustomerId, String stripeSubscriptionId) {

	/** Whether it may make a new booking now, the quota aside. */
	public boolean entitled(Instant now) {
		return status == AssociationStatus.APPROVED && (entitlement == Entitlement.ACTIVE
				|| (entitlement == Entitlement.PAST_DUE && graceUntil != null && graceUntil.isAfter(now)));
	}
}
