package it.sportello.core.booking;

import java.util.List;

import it.sportello.core.audit.Actors;
import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.event.DomainEvents;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.DueJob;
import it.sportello.core.tenancy.DueWork;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Confirm or release, in offices that release their slots on a schedule: a booking made more than the office's
 * confirmation days before its day (a place taken far ahead, which is what resellers stock) must be confirmed by its
 * person once that many days are left; one not confirmed by the deadline is cancelled, and its place goes to the
 * waiting list. The request is marked by the same conditional update that decides it, so each is asked once.
 */
@Component
public class ConfirmOrRelease {

	/** Due when the earliest booking still to ask reaches its days ahead, or the earliest one asked its deadline. */
	static final DueJob DUE = DueJob.of("confirmations", "select least((select min(s.starts_at"
			+ " - make_interval(days => o.confirm_days_ahead)) from {t}.booking b join {t}.slot s on s.id = b.slot_id,"
			+ " {t}.office_profile o where o.release_days_ahead is not null and b.status = 'BOOKED'"
			+ " and b.confirm_requested_at is null and b.confirmed_at is null and s.starts_at > now()"
			+ " and b.created_at < s.starts_at - make_interval(days => o.confirm_days_ahead)),"
			+ " (select min(s.starts_at - make_interval(days => o.confirm_deadline_days)) from {t}.booking b"
			+ " join {t}.slot s on s.id = b.slot_id, {t}.office_profile o where b.status = 'BOOKED'"
			+ " and b.confirm_requested_at is not null and b.confirmed_at is null))");

	private final JdbcTemplate jdbc;

	private final AgendaTransactions transactions;

	private final DomainEvents events;

	private final BookingService bookings;

	private final AuditLog audit;

	private final DueWork dueWork;

	ConfirmOrRelease(JdbcTemplate jdbc, AgendaTransactions transactions, DomainEvents events, BookingService bookings,
			AuditLog audit, DueWork dueWork) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.bookings = bookings;
		this.audit = audit;
		this.dueWork = dueWork;
	}

	/** Asks for the confirmations that are due and releases the bookings past their deadline, where any is due. */
	public int run() {
		return dueWork.run(DUE, () -> requestDue() + releaseUnconfirmed());
	}

	int requestDue() {
		return transactions.execute(() -> {
			List<String> due = jdbc.queryForList(TenantSql.of("update {t}.booking b set confirm_requested_at = now()"
					+ " from {t}.slot s, {t}.office_profile o where s.id = b.slot_id and o.release_days_ahead is not null"
					+ " and b.status = 'BOOKED' and b.confirm_requested_at is null and b.confirmed_at is null"
					+ " and b.created_at < s.starts_at - make_interval(days => o.confirm_days_ahead)"
					+ " and s.starts_at - make_interval(days => o.confirm_days_ahead) <= now() and s.starts_at > now()"
					+ " returning b.reference"), String.class);
			due.forEach(reference -> events.append(new ConfirmationRequested(TenantContext.getRequired().id(), reference)));
			return due.size();
		});
	}

	int releaseUnconfirmed() {
		List<String> late = jdbc.queryForList(TenantSql.of("select b.reference from {t}.booking b join {t}.slot s"
				+ " on s.id = b.slot_id, {t}.office_profile o where b.status = 'BOOKED' and b.confirm_requested_at"
				+ " is not null and b.confirmed_at is null and s.starts_at - make_interval(days => o.confirm_deadline_days)"
				+ " <= now()"), String.class);
		int released = 0;
		for (String reference : late) {
			try {
				bookings.cancel(new BookingReference(reference), Channel.OFFICE, Actors.SYSTEM, "not confirmed in time");
				released++;
			}
			catch (BookingRefused refused) {
				// confirmed or cancelled meanwhile: nothing to release
			}
		}
		return released;
	}

	/** The person confirms their booking; refused when nothing asks for it or it is no longer active. */
	public void confirm(BookingReference reference, String actor) {
		int confirmed = jdbc.update(TenantSql.of("update {t}.booking set confirmed_at = now() where reference = ?"
				+ " and status = 'BOOKED' and confirm_requested_at is not null and confirmed_at is null"),
				reference.value());
		if (confirmed == 0) {
			throw new BookingRefused(Reason.NOT_IN_A_STATE_TO_DO_THAT);
		}
		audit.record(new AuditEntry(actor, "CONFIRMED", null, reference.value(), null, null));
	}

	/** Whether the booking waits for its person's confirmation. */
	public boolean awaitsConfirmation(BookingReference reference) {
		return Boolean.TRUE.equals(jdbc.queryForObject(TenantSql.of("select exists (select 1 from {t}.booking where"
				+ " reference = ? and status = 'BOOKED' and confirm_requested_at is not null and confirmed_at is null)"),
				Boolean.class, reference.value()));
	}
}
