package it.sportello.core.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.tenancy.DueWork;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The waiting list: a person waits for a practice (one entry per person), is offered a freed place for the office's
 * offer hours, and accepts it from their page. A cancelled place does not reappear at once (which is how resellers
 * hand a place to a paying client): see {@link FreedPlaces}.
 */
@Component
public class WaitingList {

	private final JdbcTemplate jdbc;

	private final BookingService bookings;

	private final AgendaTransactions transactions;

	private final DueWork dueWork;

	private final FreedPlaces freedPlaces;

	WaitingList(JdbcTemplate jdbc, BookingService bookings, AgendaTransactions transactions, DueWork dueWork,
			FreedPlaces freedPlaces) {
		this.jdbc = jdbc;
		this.bookings = bookings;
		this.transactions = transactions;
		this.dueWork = dueWork;
		this.freedPlaces = freedPlaces;
	}

	/** Accepts the offer for its person's account: the held place becomes their booking. */
	public BookingReference accept(long waitingEntryId, long accountId) {
		return transactions.execute(() -> {
			Optional<Offer> offer = jdbc.query(TenantSql.of("select w.id, w.offered_slot_id, w.request, h.id from"
					+ " {t}.waiting_entry w join {t}.place_hold h on h.waiting_entry_id = w.id where w.id = ?"
					+ " and w.status = 'OFFERED' and w.offer_expires_at > now() for update of w"),
					(rs, n) -> new Offer(rs.getLong(1), rs.getLong(2),
							ReleaseEntries.JSON.readValue(rs.getString(3), ReleaseEntries.Entry.class), rs.getLong(4)),
					waitingEntryId).stream().findFirst();
			Offer o = offer.filter(x -> Long.valueOf(accountId).equals(x.request().accountId()))
				.orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
			jdbc.update(TenantSql.of("delete from {t}.place_hold where id = ?"), o.holdId());
			jdbc.update(TenantSql.of("update {t}.slot set held = held - 1 where id = ?"), o.slotId());
			BookingReference reference = bookings.placeDrawn(o.request().toRequest(o.slotId()), o.request().keys());
			jdbc.update(TenantSql.of("update {t}.waiting_entry set status = 'ACCEPTED', booking_reference = ? where id = ?"),
					reference.value(), o.id());
			return reference;
		});
	}

	/** Passes expired offers on and lets places nobody took reappear, in the Questure where one is due. */
	public int passOnAndRelease() {
		return dueWork.run(FreedPlaces.DUE, freedPlaces::passOnAndReleaseHere);
	}

	/** An open offer by its waiting entry. */
	public Optional<OpenOffer> offer(long waitingEntryId) {
		return jdbc.query(TenantSql.of("select w.id, w.offered_slot_id, w.offer_expires_at, s.starts_at, w.request"
				+ " from {t}.waiting_entry w join {t}.slot s on s.id = w.offered_slot_id where w.id = ?"
				+ " and w.status = 'OFFERED'"), (rs, n) -> new OpenOffer(rs.getLong(1), rs.getLong(2),
						rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
						ReleaseEntries.JSON.readValue(rs.getString(5), ReleaseEntries.Entry.class)), waitingEntryId)
			.stream()
			.findFirst();
	}

	/** The account's offers in the current Questura. */
	public List<OpenOffer> offersOf(long accountId) {
		return jdbc.query(TenantSql.of("select w.id, w.offered_slot_id, w.offer_expires_at, s.starts_at, w.request"
				+ " from {t}.waiting_entry w join {t}.slot s on s.id = w.offered_slot_id where w.status = 'OFFERED'"
				+ " and w.offer_expires_at > now()"), (rs, n) -> new OpenOffer(rs.getLong(1), rs.getLong(2),
						rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
						ReleaseEntries.JSON.readValue(rs.getString(5), ReleaseEntries.Entry.class)))
			.stream()
			.filter(o -> Long.valueOf(accountId).equals(o.request().accountId()))
			.toList();
	}

	/** An offer held for a person. */
	public record OpenOffer(long id, long slotId, Instant expiresAt, Instant startsAt, ReleaseEntries.Entry request) {
	}

	private record Offer(long id, long slotId, ReleaseEntries.Entry request, long holdId) {
	}
}
