package it.sportello.web.booking;

import java.io.Serializable;
import java.util.Locale;

import it.sportello.core.booking.BookingRequest;
import it.sportello.core.tenancy.Tenant;
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

	/** The address of a step for the practice: its details page, or the {@code when} and {@code confirm} after it. */
	static String path(Tenant questura, long practiceId, String step) {
		return "/q/" + questura.getSlug() + "/book/" + practiceId + (step.isEmpty() ? "" : "/" + step);
	}

	static String redirect(Tenant questura, long practiceId, String step) {
		return "redirect:" + path(questura, practiceId, step);
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

	/** What the journey asks for, once a time is chosen: the details given, booked by the booker, for whom they book. */
	BookingRequest request(Booker booker, Locale locale) {
		return new BookingRequest(practiceId, slotId, booker.channel(), booker.person().getAccountId(),
				booker.associationId(), details.persons(), details.getPracticeNumber(), details.contactEmail(),
				details.contactPhone(),
				// a client's mails and receipt go out in the language the association gave for them
				booker.forClient() && details.getLanguage() != null ? details.getLanguage() : locale.getLanguage(),
				booker.person().actor());
	}
}
