package it.sportello.core.booking;

import java.util.function.UnaryOperator;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.BookingStore.BookingRow;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonKey;
import it.sportello.core.person.PersonKeys;
import org.springframework.stereotype.Service;

/**
 * The counter's side of a booking: the person shows a document, which must be one of the booking's persons (a
 * booking is not transferable), then the operator records the outcome.
 */
@Service
public class CheckIn {

	private final BookingStore store;

	private final PersonKeys personKeys;

	private final AgendaTransactions transactions;

	private final AuditLog audit;

	CheckIn(BookingStore store, PersonKeys personKeys, AgendaTransactions transactions, AuditLog audit) {
		this.store = store;
		this.personKeys = personKeys;
		this.transactions = transactions;
		this.audit = audit;
	}

	/** Checks the person in if the document shown is one of the booking's; a mismatch is refused and audited. */
	public void checkIn(BookingReference reference, PersonIdentity shown, String operator) {
		PersonKey key = personKeys.of(shown);
		boolean matched = transactions.execute(() -> {
			BookingRow booking = store.lockBooking(reference)
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			if (!store.personKeys(booking.id()).contains(key)) {
				audit.record(new AuditEntry(operator, "CHECK_IN_REFUSED", Channel.OFFICE.name(), reference.value(),
						key.value(), "document does not match the booking"));
				return false;
			}
			store.updateStatus(booking.id(), booking.status().checkIn());
			audit.record(new AuditEntry(operator, "CHECKED_IN", Channel.OFFICE.name(), reference.value(), key.value(),
					null));
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

	/** The person did not come: the booking ends and its persons may book again. */
	public void noShow(BookingReference reference, String operator) {
		end(reference, operator, BookingStatus::noShow, "NO_SHOW");
	}

	private void end(BookingReference reference, String operator, UnaryOperator<BookingStatus> move,
			String action) {
		transactions.execute(() -> {
			BookingRow booking = store.lockBooking(reference)
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			store.updateStatus(booking.id(), move.apply(booking.status()));
			store.releaseClaims(reference);
			audit.record(new AuditEntry(operator, action, Channel.OFFICE.name(), reference.value(), null, null));
			return null;
		});
	}
}
