package it.sportello.admin.closure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import it.sportello.admin.closure.ClosureOutcome.Unsettled;
import it.sportello.admin.closure.ClosureRefused.Reason;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.calendar.DayChange;
import it.sportello.core.calendar.OfficeCalendar;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Closes a day (for the office or one service line) or works it with fewer counters, then moves each booking it hits
 * to the nearest free time of its practice, or cancels it, with the office's reason, which each person receives.
 * The change commits first, and each booking is then moved or cancelled in a transaction of its own: one that fails
 * leaves the change and the others done, and is reported with why.
 */
@Service
public class Closures {

	/** The message of a booking left as it was by a fault of ours rather than a refusal. */
	static final String OUR_FAULT = "error.serverError.text";

	private static final Logger log = LoggerFactory.getLogger(Closures.class);

	private final OfficeCalendar calendar;

	private final BookingQueries queries;

	private final BookingService bookings;

	private final Availability availability;

	private final OfficeProfiles profiles;

	private final ServiceLines serviceLines;

	Closures(OfficeCalendar calendar, BookingQueries queries, BookingService bookings, Availability availability,
			OfficeProfiles profiles, ServiceLines serviceLines) {
		this.calendar = calendar;
		this.queries = queries;
		this.bookings = bookings;
		this.availability = availability;
		this.profiles = profiles;
		this.serviceLines = serviceLines;
	}

	/** The bookings the change would hit, those booked on its day (and line), earliest first; nothing is changed. */
	public List<BookingView> preview(DayChange change) {
		refuseIfCannotBeMade(change);
		return queries.ofDay(change.day(), zone(), change.serviceLineId())
			.stream()
			.filter(b -> b.status() == BookingStatus.BOOKED)
			.toList();
	}

	/** Makes the change, then moves or cancels each booking it flagged. */
	public ClosureOutcome apply(DayChange change, HitBookings then, String actor) {
		refuseIfCannotBeMade(change);
		if (change.closed()) {
			calendar.close(change.day(), change.serviceLineId(), change.reason(), actor);
		}
		else {
			calendar.reduce(change.day(), change.serviceLineId(), change.counters(), change.reason(), actor);
		}
		List<BookingReference> moved = new ArrayList<>();
		List<BookingReference> cancelled = new ArrayList<>();
		List<Unsettled> unsettled = new ArrayList<>();
		for (BookingView hit : queries.ofDay(change.day(), zone(), change.serviceLineId())) {
			if (hit.status() != BookingStatus.BOOKED || hit.attention() == null) {
				continue;
			}
			try {
				if (then == HitBookings.MOVE && movedToNearest(hit, change, actor)) {
					moved.add(hit.reference());
				}
				else {
					bookings.cancel(hit.reference(), Channel.OFFICE, actor, change.reason());
					cancelled.add(hit.reference());
				}
			}
			catch (BookingRefused refused) {
				unsettled.add(new Unsettled(hit.reference(), refused.getCode()));
			}
			catch (DataAccessException | TransactionException failure) {
				log.error("Booking {} hit by the closure of {} could be neither moved nor cancelled", hit.reference(),
						change.day(), failure);
				unsettled.add(new Unsettled(hit.reference(), OUR_FAULT));
			}
		}
		return new ClosureOutcome(List.copyOf(moved), List.copyOf(cancelled), List.copyOf(unsettled));
	}

	/**
	 * Moves the booking to the first free time of its practice from the day after the change to the end of the second
	 * month after it; false when none takes it.
	 */
	private boolean movedToNearest(BookingView hit, DayChange change, String actor) {
		LocalDate last = YearMonth.from(change.day()).plusMonths(2).atEndOfMonth();
		for (FreeSlot slot : availability.freeSlotsBetween(hit.practiceId(), change.day().plusDays(1), last)) {
			try {
				bookings.move(hit.reference(), slot.id(), Channel.OFFICE, actor, change.reason());
				return true;
			}
			catch (BookingRefused refused) {
				if (refused.getReason() != BookingRefused.Reason.SLOT_FULL
						&& refused.getReason() != BookingRefused.Reason.SLOT_NOT_BOOKABLE) {
					// the booking itself cannot move (no longer booked, held by another action): no slot will do
					return false;
				}
				// taken meanwhile: the next one
			}
		}
		return false;
	}

	private void refuseIfCannotBeMade(DayChange change) {
		if (change.day().isBefore(LocalDate.now(zone()))) {
			throw new ClosureRefused(Reason.PAST_DAY);
		}
		Long line = change.serviceLineId();
		if ((line == null && !change.closed()) || (line != null && serviceLines.findById(line).isEmpty())) {
			throw new ClosureRefused(Reason.UNKNOWN_SERVICE_LINE);
		}
		if (change.closed() && calendar.changesFrom(change.day())
			.stream()
			.anyMatch(c -> c.closed() && c.day().equals(change.day()) && Objects.equals(c.serviceLineId(), line))) {
			throw new ClosureRefused(Reason.ALREADY_CLOSED);
		}
	}

	private ZoneId zone() {
		return profiles.getRequired().getTimeZone();
	}
}
