package it.sportello.core.booking;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import it.sportello.core.audit.Actors;
import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.ReleaseEntries.Decided;
import it.sportello.core.event.DomainEvents;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import it.sportello.core.tenancy.DueJob;
import it.sportello.core.tenancy.DueWork;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The draw of a release: when its window has closed, its entries are taken in a random order (the seed and the order
 * go to the audit log, so the draw can be checked), each is given its chosen slot, else the nearest free one of its
 * practice, else a place on the waiting list. Association entries win at most the office's share of the release.
 * One node draws a release: the first to claim its entries.
 */
@Component
public class ReleaseDraw {

	private static final Logger log = LoggerFactory.getLogger(ReleaseDraw.class);

	/** How far after the chosen day a draw looks for the nearest free place. */
	static final int NEAREST_DAYS = 14;

	/** Due when the window of the earliest release with entries left closes. */
	static final DueJob DUE = DueJob.of("draw", "select min(e.release_at) + make_interval(secs =>"
			+ " (select draw_window_seconds from {t}.office_profile)) from {t}.release_entry e where e.status = 'ENTERED'");

	private final JdbcTemplate jdbc;

	private final BookingService bookings;

	private final ReleaseEntries entries;

	private final Availability availability;

	private final OfficeProfiles profiles;

	private final AuditLog audit;

	private final DomainEvents events;

	private final AgendaTransactions transactions;

	private final DueWork dueWork;

	private final SecureRandom random = new SecureRandom();

	ReleaseDraw(JdbcTemplate jdbc, BookingService bookings, ReleaseEntries entries, Availability availability,
			OfficeProfiles profiles, AuditLog audit, DomainEvents events, AgendaTransactions transactions,
			DueWork dueWork) {
		this.jdbc = jdbc;
		this.bookings = bookings;
		this.entries = entries;
		this.availability = availability;
		this.profiles = profiles;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.dueWork = dueWork;
	}

	/** Draws every release whose window has closed, in the Questure that have one; returns how many entries it decided. */
	public int drawDue() {
		return dueWork.run(DUE, this::drawDueHere);
	}

	int drawDueHere() {
		List<Timestamp> due = jdbc.queryForList(TenantSql.of("select distinct e.release_at from {t}.release_entry e,"
				+ " {t}.office_profile o where e.status = 'ENTERED' and e.release_at"
				+ " + make_interval(secs => o.draw_window_seconds) <= now() order by e.release_at"), Timestamp.class);
		int decided = 0;
		for (Timestamp release : due) {
			decided += draw(release.toInstant());
		}
		return decided;
	}

	private int draw(Instant release) {
		// the claim: one node takes the entries of the release, any other finds none left to take
		List<Long> claimed = jdbc.queryForList(TenantSql.of("update {t}.release_entry set status = 'DRAWING'"
				+ " where release_at = ? and status = 'ENTERED' returning id"), Long.class, Timestamp.from(release));
		if (claimed.isEmpty()) {
			return 0;
		}
		List<Long> order = new ArrayList<>(claimed);
		Collections.sort(order);
		long seed = random.nextLong();
		Collections.shuffle(order, new Random(seed));
		int places = jdbc.queryForObject(TenantSql.of("select coalesce(sum(capacity), 0) from {t}.slot"
				+ " where released_at = ?"), Integer.class, Timestamp.from(release));
		int share = jdbc.queryForObject(TenantSql.of("select association_share_percent from {t}.office_profile"),
				Integer.class);
		int associationCap = places * share / 100;
		audit.record(new AuditEntry(Actors.SYSTEM, "DRAW", null, null, null, null).with("release", release)
			.with("places", places)
			.with("associationCap", associationCap)
			.with("seed", seed)
			.with("order", order));
		int associationWins = 0;
		int position = 0;
		for (long id : order) {
			position++;
			Decided entry = entries.find(id).orElseThrow();
			boolean association = entry.request().channel() == Channel.ASSOCIATION;
			if (association && associationWins >= associationCap) {
				waitlist(id, position, entry, "ASSOCIATION_SHARE");
				continue;
			}
			try {
				BookingReference won = place(entry);
				if (won == null) {
					waitlist(id, position, entry, "NO_FREE_PLACE");
				}
				else {
					associationWins += association ? 1 : 0;
					finish(id, "WON", position, won.value(), null);
				}
			}
			catch (BookingRefused refused) {
				finish(id, "LOST", position, null, refused.getReason().name());
			}
			catch (RuntimeException ex) {
				// our fault, not the entrant's: they keep their turn on the waiting list, and the draw goes on
				log.error("Entry {} of the release at {} could not be placed", id, release, ex);
				waitlist(id, position, entry, "ERROR");
			}
		}
		return order.size();
	}

	/** The chosen slot, else the nearest free one of the practice; null when none is left. */
	private BookingReference place(Decided entry) {
		ReleaseEntries.Entry request = entry.request();
		BookingReference chosen = tryPlace(request, request.slotId());
		if (chosen != null) {
			return chosen;
		}
		ZoneId zone = profiles.getRequired().getTimeZone();
		LocalDate day = jdbc.queryForObject(TenantSql.of("select starts_at from {t}.slot where id = ?"), Timestamp.class,
				request.slotId()).toInstant().atZone(zone).toLocalDate();
		for (FreeSlot slot : availability.freeSlotsBetween(request.practiceId(), day, day.plusDays(NEAREST_DAYS))) {
			BookingReference placed = tryPlace(request, slot.id());
			if (placed != null) {
				return placed;
			}
		}
		return null;
	}

	/** The place in the slot, or null when the slot has none left; any other refusal is the entry's answer. */
	private BookingReference tryPlace(ReleaseEntries.Entry request, long slot) {
		try {
			return bookings.placeDrawn(request.toRequest(slot), request.keys());
		}
		catch (BookingRefused refused) {
			if (refused.getReason() != Reason.SLOT_FULL && refused.getReason() != Reason.SLOT_NOT_BOOKABLE
					&& refused.getReason() != Reason.TRY_AGAIN) {
				throw refused;
			}
			return null;
		}
	}

	private void waitlist(long id, int position, Decided entry, String why) {
		jdbc.update(TenantSql.of("insert into {t}.waiting_entry (practice_id, holder_key, request)"
				+ " values (?, ?, ?) on conflict do nothing"), entry.request().practiceId(),
				entry.request().persons().get(0).key(), ReleaseEntries.JSON.writeValueAsString(entry.request()));
		finish(id, "WAITLISTED", position, null, why);
	}

	private void finish(long id, String status, int position, String reference, String outcome) {
		transactions.execute(() -> {
			jdbc.update(TenantSql.of("update {t}.release_entry set status = ?, draw_position = ?, booking_reference = ?,"
					+ " outcome = ?, decided_at = now() where id = ?"), status, position, reference, outcome, id);
			events.append(new DrawDecided(TenantContext.getRequired().id(), id));
			return null;
		});
	}
}
