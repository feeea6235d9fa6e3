package it.sportello.core.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.BookingStore.BookingRow;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonKey;
import it.sportello.core.person.PersonKeys;
import org.springframework.stereotype.Service;

/**
 * The counter's side of a booking: the person shows a document, which must be one of the booking's persons (a
 * booking is not transferable), on the appointment's day unless the operator confirms another, then the operator
 * records the outcome. A no-show is recorded only once the appointment has started, and can be undone that day.
 */
@Service
public class CheckIn {

	private final BookingStore store;

	private final PersonKeys personKeys;

	private final AgendaTransactions transactions;

	private final AuditLog audit;

	private final OfficeProfiles profiles;

	CheckIn(BookingStore store, PersonKeys personKeys, AgendaTransactions transactions, AuditLog audit,
			OfficeProfiles profiles) {
		this.store = store;
		this.personKeys = personKeys;
		this.transactions = transactions;
		this.audit = audit;
		this.profiles = profiles;
	}

	/**
	 * Checks the person in if the document shown is one of the booking's; a mismatch is refused and audited. On a day
	 * other than the appointment's it is refused ({@link Reason#NOT_ITS_DAY}) and changes nothing.
	 */
	public void checkIn(BookingReference reference, PersonIdentity shown, String operator) {
		checkIn(reference, shown, operator, false);
	}

	/**
	 * Checks the person in on whatever day it is, the operator having confirmed it is not the appointment's: the
	 * audit records the appointment's day beside it.
	 */
	public void checkInOnAnotherDay(BookingReference reference, PersonIdentity shown, String operator) {
		checkIn(reference, shown, operator, true);
	}

	private void checkIn(BookingReference reference, PersonIdentity shown, String operator, boolean anyDay) {
		PersonKey key = personKeys.of(shown);
		// read before the agenda's JDBC transaction, which no JPA read may join
		ZoneId zone = zone();
		boolean matched = transactions.execute(() -> {
			BookingRow booking = store.lockBooking(reference)
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			BookingStatus next = booking.status().checkIn();
			boolean itsDay = sameDayAsToday(booking.startsAt(), zone);
			if (!itsDay && !anyDay) {
				throw new BookingRefused(Reason.NOT_ITS_DAY);
			}
			if (!store.personKeys(booking.id()).contains(key)) {
				audit.record(new AuditEntry(operator, "CHECK_IN_REFUSED", Channel.OFFICE.name(), reference.value(),
						key.value(), null).with("refusal", Reason.DOCUMENT_MISMATCH));
				return false;
			}
			store.updateStatus(booking.id(), next);
			audit.record(new AuditEntry(operator, "CHECKED_IN", Channel.OFFICE.name(), reference.value(), key.value(),
					null).with("appointmentDay", itsDay ? null : day(booking.startsAt(), zone)));
			return true;
		});
		if (!matched) {
			throw new BookingRefused(Reason.DOCUMENT_MISMATCH);
		}
	}

	/** The person was served: the booking ends and its persons may book again. */
	public void served(BookingReference reference, String operator) {
		end(reference, operator, BookingStatus::serve, "SERVED");
	}

	/**
	 * The person did not come: the booking ends and its persons may book again. Refused before the appointment starts
	 * ({@link Reason#NOT_STARTED_YET}).
	 */
	public void noShow(BookingReference reference, String operator) {
		end(reference, operator, BookingStatus::noShow, "NO_SHOW");
	}

	/** Whether the booking is a no-show that can still be undone: recorded today. */
	public boolean canUndoNoShow(BookingReference reference) {
		ZoneId zone = zone();
		return store.noShowRecordedAt(reference).filter(at -> sameDayAsToday(at, zone)).isPresent();
	}

	/**
	 * A no-show recorded by mistake, undone on the day it was recorded: the booking is booked again and takes back its
	 * persons' claims, unless one of them has booked again meanwhile.
	 */
	public void undoNoShow(BookingReference reference, String operator) {
		ZoneId zone = zone();
		transactions.execute(() -> {
			BookingRow booking = store.lockBooking(reference)
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			BookingStatus next = booking.status().undoNoShow();
			if (!sameDayAsToday(booking.updatedAt(), zone)) {
				throw new BookingRefused(Reason.TOO_LATE_TO_UNDO);
			}
			store.reclaim(booking.id(), reference);
			store.updateStatus(booking.id(), next);
			audit.record(new AuditEntry(operator, "NO_SHOW_UNDONE", Channel.OFFICE.name(), reference.value(), null,
					null));
			return null;
		});
	}

	private void end(BookingReference reference, String operator, UnaryOperator<BookingStatus> move,
			String action) {
		transactions.execute(() -> {
			BookingRow booking = store.lockBooking(reference)
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			BookingStatus next = move.apply(booking.status());
			// nobody can have missed an appointment that has not started (a click on the wrong row, days ahead)
			if (next == BookingStatus.NO_SHOW && booking.startsAt().isAfter(Instant.now())) {
				throw new BookingRefused(Reason.NOT_STARTED_YET);
			}
			store.updateStatus(booking.id(), next);
			store.releaseClaims(reference);
			audit.record(new AuditEntry(operator, action, Channel.OFFICE.name(), reference.value(), null, null));
			return null;
		});
	}

	private static boolean sameDayAsToday(Instant instant, ZoneId zone) {
		return LocalDate.now(zone).equals(day(instant, zone));
	}

	private static LocalDate day(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDate();
	}

	private ZoneId zone() {
		return profiles.getRequired().getTimeZone();
	}
}
