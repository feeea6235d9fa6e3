package it.sportello.core.booking;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.List;

import it.sportello.core.audit.Actors;
import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.calendar.SlotRemoval;
import it.sportello.core.event.DomainEvents;
import it.sportello.core.tenancy.DueJob;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Places freed by cancellations in offices that release their slots on a schedule: held instead of reappearing at
 * once, offered to the waiting list first, an offer not taken passed to the next, and a place nobody waits for let go
 * after a random delay.
 */
@Component
class FreedPlaces {

	/**
	 * Due when a held place's time is up, or, in an office with a release schedule where people wait, when a free place
	 * of their counter is released (at once if one already is: it was locked during the last run).
	 */
	static final DueJob DUE = DueJob.of("waiting-list", "select least((select min(until) from {t}.place_hold),"
			+ " (select min(greatest(s.released_at, now())) from {t}.slot s where s.booked + s.held < s.capacity"
			+ " and s.released_at <> 'infinity' and s.starts_at > greatest(s.released_at, now()) + interval '1 day'"
			+ " and exists (select 1 from {t}.office_profile where release_days_ahead is not null)"
			+ " and s.service_line_id in (select p.service_line_id from {t}.waiting_entry w join {t}.practice p"
			+ " on p.id = w.practice_id where w.status = 'WAITING')))");

	private final JdbcTemplate jdbc;

	private final AgendaTransactions transactions;

	private final DomainEvents events;

	private final AuditLog audit;

	private final SecureRandom random = new SecureRandom();

	FreedPlaces(JdbcTemplate jdbc, AgendaTransactions transactions, DomainEvents events, AuditLog audit) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Takes the freed place of a cancelled booking, in the cancellation's transaction: held and offered to the waiting
	 * list, else held for a random delay. Returns false where the office does not hold freed places (it has no release
	 * schedule); the caller then frees the place at once.
	 */
	boolean holdFreedPlace(long slotId, String cancelledBy) {
		List<int[]> delays = jdbc.query(TenantSql.of("select rerelease_min_minutes, rerelease_max_minutes"
				+ " from {t}.office_profile where release_days_ahead is not null"),
				(rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) });
		if (delays.isEmpty() || withdrawn(slotId)) {
			return false;
		}
		int minutes = delays.get(0)[0] + random.nextInt(delays.get(0)[1] - delays.get(0)[0] + 1);
		jdbc.update(TenantSql.of("update {t}.slot set booked = booked - 1, held = held + 1 where id = ?"), slotId);
		long hold = jdbc.queryForObject(TenantSql.of("insert into {t}.place_hold (slot_id, reason, until, cancelled_by)"
				+ " values (?, 'RERELEASE', now() + make_interval(mins => ?), ?) returning id"), Long.class, slotId, minutes,
				cancelledBy);
		offer(hold);
		return true;
	}

	int passOnAndReleaseHere() {
		return transactions.execute(() -> {
			int done = 0;
			List<long[]> expired = jdbc.query(TenantSql.of("select h.id, h.waiting_entry_id from {t}.place_hold h"
					+ " where h.reason = 'OFFER' and h.until <= now() for update skip locked"),
					(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
			for (long[] hold : expired) {
				jdbc.update(TenantSql.of("update {t}.waiting_entry set status = 'EXPIRED' where id = ?"), hold[1]);
				jdbc.update(TenantSql.of("update {t}.place_hold set reason = 'RERELEASE', until = now(),"
						+ " waiting_entry_id = null where id = ?"), hold[0]);
				offer(hold[0]);
				done++;
			}
			List<long[]> due = jdbc.query(TenantSql.of("select id, slot_id from {t}.place_hold where reason = 'RERELEASE'"
					+ " and until <= now() for update skip locked"), (rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
			for (long[] hold : due) {
				jdbc.update(TenantSql.of("delete from {t}.place_hold where id = ?"), hold[0]);
				jdbc.update(TenantSql.of("update {t}.slot set held = held - 1 where id = ?"), hold[1]);
				done++;
			}
			return done + offerFreeCapacity();
		});
	}

	/**
	 * Free places of the office (new slots, more counters, places let go) go to the people waiting before anyone else:
	 * in list order, each waiting person is offered the earliest free place of their practice, held for them.
	 */
	private int offerFreeCapacity() {
		if (jdbc.queryForObject(TenantSql.of("select release_days_ahead is null from {t}.office_profile"), Boolean.class)) {
			return 0;
		}
		int offered = 0;
		List<long[]> waiting = jdbc.query(TenantSql.of("select id, practice_id from {t}.waiting_entry where status = 'WAITING'"
				+ " order by id for update skip locked"), (rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
		for (long[] entry : waiting) {
			List<Long> free = jdbc.queryForList(TenantSql.of("select s.id from {t}.slot s join {t}.practice p"
					+ " on p.service_line_id = s.service_line_id where p.id = ? and s.released_at <= now()"
					+ " and s.starts_at > now() + interval '1 day' and s.booked + s.held < s.capacity order by s.starts_at"
					+ " limit 1 for update of s skip locked"), Long.class, entry[1]);
			if (free.isEmpty()) {
				continue;
			}
			jdbc.update(TenantSql.of("update {t}.slot set held = held + 1 where id = ?"), free.get(0));
			long hold = jdbc.queryForObject(TenantSql.of("insert into {t}.place_hold (slot_id, reason, until)"
					+ " values (?, 'RERELEASE', now()) returning id"), Long.class, free.get(0));
			offerTo(entry[0], hold);
			offered++;
		}
		return offered;
	}

	/** Offers the held place to the first person waiting for a practice of its counter, if anybody waits. */
	private void offer(long holdId) {
		List<Long> first = jdbc.queryForList(TenantSql.of("select w.id from {t}.waiting_entry w"
				+ " join {t}.practice p on p.id = w.practice_id join {t}.place_hold h on h.id = ?"
				+ " join {t}.slot s on s.id = h.slot_id where p.service_line_id = s.service_line_id"
				+ " and w.status = 'WAITING' and s.starts_at > now() + interval '1 day' and not (s." + SlotRemoval.WITHDRAWN + ")"
				+ " order by w.id limit 1"
				+ " for update of w skip locked"), Long.class, holdId);
		if (!first.isEmpty()) {
			offerTo(first.get(0), holdId);
		}
	}

	private void offerTo(long entry, long holdId) {
		Timestamp until = jdbc.queryForObject(TenantSql.of("update {t}.waiting_entry w set status = 'OFFERED',"
				+ " offered_slot_id = h.slot_id, offered_at = now(), offer_expires_at = now()"
				+ " + make_interval(hours => (select offer_hours from {t}.office_profile)) from {t}.place_hold h"
				+ " where w.id = ? and h.id = ? returning w.offer_expires_at"), Timestamp.class, entry, holdId);
		jdbc.update(TenantSql.of("update {t}.place_hold set reason = 'OFFER', until = ?, waiting_entry_id = ? where id = ?"),
				until, entry, holdId);
		audit.record(new AuditEntry(Actors.SYSTEM, "OFFERED", null, null, null, null).with("until", until.toInstant())
			.with("waitingEntry", entry));
		events.append(new WaitingOfferMade(TenantContext.getRequired().id(), entry));
	}


	/** A slot the office's hours no longer have, kept for the bookings it holds: a place freed there is nobody's. */
	private boolean withdrawn(long slotId) {
		return Boolean.TRUE.equals(jdbc.queryForObject(TenantSql.of("select " + SlotRemoval.WITHDRAWN
				+ " from {t}.slot where id = ?"), Boolean.class, slotId));
	}
}
