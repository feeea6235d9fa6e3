package it.sportello.core.slot;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import it.sportello.core.cache.ReadCaches;
import it.sportello.core.calendar.SlotRemoval;
import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Where a practice can be booked: the days with a free, released, future slot, and the free slots of a day. Read
 * from the partial index of slots that still have room. What the pages show (free days, free times, days opening
 * later) comes from this node's read cache and may be {@code sportello.read-cache.availability} behind the bookings;
 * the booking is decided by the database, and what choosing and booking ask ({@link #freeSlot}) is read fresh.
 */
@Service
public class Availability {

	private static final String FREE = " from {t}.slot s join {t}.practice p on p.service_line_id = s.service_line_id"
			+ " where p.id = ? and p.active and s.starts_at >= ? and s.starts_at < ? and s.starts_at > now()"
			+ " and s.released_at <= now() and s.booked + s.held < s.capacity";

	private final JdbcTemplate jdbc;

	private final OfficeDirectory directory;

	private final ReadCaches caches;

	Availability(JdbcTemplate jdbc, OfficeDirectory directory, ReadCaches caches) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.caches = caches;
	}

	/** The days of the month, in the office's zone, with at least one free place for the practice. */
	public List<LocalDate> freeDays(long practiceId, YearMonth month) {
		return caches.availability("freeDays", List.of(practiceId, month), () -> {
			ZoneId zone = directory.zone();
			return List.copyOf(jdbc.query(TenantSql.of("select distinct (s.starts_at at time zone ?)::date as day" + FREE
					+ " order by day"), (rs, n) -> rs.getDate(1).toLocalDate(), zone.getId(), practiceId,
					start(month.atDay(1), zone), start(month.plusMonths(1).atDay(1), zone)));
		});
	}

	/** The free slots of the practice on one day, earliest first. */
	public List<FreeSlot> freeSlots(long practiceId, LocalDate day) {
		return caches.availability("freeSlots", List.of(practiceId, day),
				() -> List.copyOf(freeSlotsBetween(practiceId, day, day)));
	}

	/**
	 * The free slots of the practice from the first day to the last, earliest first: where a draw, a closure or an
	 * association's import looks for the nearest place when the chosen one is gone.
	 */
	public List<FreeSlot> freeSlotsBetween(long practiceId, LocalDate first, LocalDate last) {
		ZoneId zone = directory.zone();
		return jdbc.query(TenantSql.of("select s.id, s.starts_at, s.ends_at, s.capacity - s.booked - s.held" + FREE
				+ " order by s.starts_at, s.id"),
				(rs, n) -> new FreeSlot(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
						rs.getInt(4)),
				practiceId, start(first, zone), start(last.plusDays(1), zone));
	}

	/**
	 * The days of the month whose places for the practice are not open for booking yet, each with when they open: a
	 * calendar shows them as "opens at ...".
	 */
	public SortedMap<LocalDate, Instant> openingLater(long practiceId, YearMonth month) {
		return caches.availability("openingLater", List.of(practiceId, month),
				() -> Collections.unmodifiableSortedMap(openingLaterRead(practiceId, month)));
	}

	private SortedMap<LocalDate, Instant> openingLaterRead(long practiceId, YearMonth month) {
		ZoneId zone = directory.zone();
		SortedMap<LocalDate, Instant> days = new TreeMap<>();
		jdbc.query(TenantSql.of("select (s.starts_at at time zone ?)::date as day, min(s.released_at)"
				+ " from {t}.slot s join {t}.practice p on p.service_line_id = s.service_line_id"
				+ " where p.id = ? and p.active and s.starts_at >= ? and s.starts_at < ? and s.released_at > now()"
				+ " and not (s." + SlotRemoval.WITHDRAWN + ") and s.booked + s.held < s.capacity group by day order by day"),
				rs -> {
					days.put(rs.getDate(1).toLocalDate(), rs.getTimestamp(2).toInstant());
				}, zone.getId(), practiceId, start(month.atDay(1), zone), start(month.plusMonths(1).atDay(1), zone));
		return days;
	}

	/** The slot, if it is a free, released, future slot of the practice: what a person may still choose. */
	public Optional<FreeSlot> freeSlot(long practiceId, long slotId) {
		return jdbc.query(TenantSql.of("select s.id, s.starts_at, s.ends_at, s.capacity - s.booked - s.held"
				+ " from {t}.slot s join {t}.practice p on p.service_line_id = s.service_line_id"
				+ " where p.id = ? and p.active and s.id = ? and s.starts_at > now() and s.released_at <= now()"
				+ " and s.booked + s.held < s.capacity"),
				(rs, n) -> new FreeSlot(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
						rs.getInt(4)),
				practiceId, slotId).stream().findFirst();
	}

	/** The slot of the service line (by its code) that starts at the instant, free or not. */
	public Optional<Long> slotStartingAt(String serviceLineCode, Instant startsAt) {
		return jdbc.query(TenantSql.of("select s.id from {t}.slot s join {t}.service_line l on l.id = s.service_line_id"
				+ " where l.code = ? and s.starts_at = ?"), (rs, n) -> rs.getLong(1), serviceLineCode,
				Timestamp.from(startsAt)).stream().findFirst();
	}

	private static Timestamp start(LocalDate day, ZoneId zone) {
		return Timestamp.from(day.atStartOfDay(zone).toInstant());
	}
}
