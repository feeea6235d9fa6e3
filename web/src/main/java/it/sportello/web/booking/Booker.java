package it.sportello.web.booking;

import it.sportello.core.account.Role;
import it.sportello.core.association.Association;
import it.sportello.core.booking.BookablePractices;
import it.sportello.core.booking.Channel;
import it.sportello.core.catalogue.Practice;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who books in the journey: a citizen for themselves, or a member of an accredited association for its client. A
 * journey handler takes it as a parameter ({@link Bookers} decides it from the signed-in person); the office's staff
 * never reach the journey (the security rule closes it to them).
 * @param association the accredited association the person books for, or null when they book for themselves
 */
record Booker(SportelloPrincipal person, Association association) {

	/** Whether the person books for an association's client rather than for themselves. */
	boolean forClient() {
		return association != null;
	}

	Channel channel() {
		return forClient() ? Channel.ASSOCIATION : Channel.CITIZEN;
	}

	Long associationId() {
		return forClient() ? association.id() : null;
	}

	/** The practice, if it is active and this person may book it online; else not found. */
	Practice practice(BookablePractices practices, long practiceId) {
		return practices.find(channel(), practiceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * This booker, if they may book: a member of an association that is not (yet) accredited, who is no citizen,
	 * sees the journey but is refused the booking.
	 */
	Booker mayBook() {
		if (!forClient() && !person.has(Role.CITIZEN)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return this;
	}
}
