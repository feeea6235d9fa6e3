package it.sportello.web.booking;

import java.io.Serializable;

import jakarta.servlet.http.HttpSession;

/**
 * Where a person is in the booking journey of one Questura: the practice, the details given and the time chosen.
 * Kept in the HTTP session between the steps; nothing is booked until the last one.
 */
final class Journey implements Serializable {

	private final long practiceId;

	private final PersonForm details;

	private Long slotId;

	private Journey(long practiceId, PersonForm details) {
		this.practiceId = practiceId;
		this.details = details;
	}

	static void start(HttpSession session, String slug, long practiceId, PersonForm details) {
		session.setAttribute(key(slug), new Journey(practiceId, details));
	}

	/** The journey for the practice, if the person has given their details for it. */
	static Journey of(HttpSession session, String slug, long practiceId) {
		return session.getAttribute(key(slug)) instanceof Journey journey && journey.practiceId == practiceId ? journey
				: null;
	}

	static void end(HttpSession session, String slug) {
		session.removeAttribute(key(slug));
	}

	private static String key(String slug) {
		return "sportello.journey." + slug;
	}

	PersonForm details() {
		return details;
	}

	Long slotId() {
		return slotId;
	}

	void choose(long slotId) {
		this.slotId = slotId;
	}
}
