package it.sportello.core.slot;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import it.sportello.core.calendar.DayRules;
import it.sportello.core.calendar.OfficeCalendar;
import it.sportello.core.calendar.SlotRemoval;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.OpeningHours;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Materialises the current Questura's slots from its weekly hours and calendar: each opening cut into slots of its
 * length, one place per counter, at the office's wall-clock times (so DST moves the instants, not the hours). Slots
 * that exist are left alone, so running it again adds only what is missing; only a change of hours
 * ({@link #regenerate}) takes slots away, and never one that a booking names.
 */
@Service
public class SlotGenerator {

	private final JdbcTemplate jdbc;

	private final ServiceLines serviceLines;

	private final OfficeProfiles profiles;

	private final OfficeCalendar calendar;

	SlotGenerator(JdbcTemplate jdbc, ServiceLines serviceLines, OfficeProfiles profiles, OfficeCalendar calendar) {
		this.jdbc = jdbc;
		this.serviceLines = serviceLines;
		this.profiles = profiles;
		this.calendar = calendar;
	}

	/** Adds the slots missing from {@code from} to {@code to}, both included; returns how many were added. */
	@Transactional
	public int generate(LocalDate from, LocalDate to) {
		return insert(plan(serviceLines.findAll(), from, to), "do nothing");
	}

	/**
	 * After a change of a service line's hours, fits its future slots to them: the slots nothing names go; those a
	 * booking, hold or draw entry names stay, withdrawn ({@link SlotRemoval}: the bookings keep their time, no one
	 * else takes them); then the slots the hours call for are made, a kept slot with the same times taking its places
	 * back. Returns how many slots were made or taken back.
	 */
	@Transactional
	public int regenerate(long serviceLineId, LocalDate from, LocalDate to) {
		ServiceLine line = serviceLines.findById(serviceLineId).orElseThrow();
		jdbc.update(TenantSql.of("delete from {t}.slot where service_line_id = ? and starts_at > now() and "
				+ SlotRemoval.UNNAMED), serviceLineId);
		jdbc.update(TenantSql.of("update {t}.slot set " + SlotRemoval.WITHDRAW
				+ " where service_line_id = ? and starts_at > now()"), serviceLineId);
		Instant now = Instant.now();
		List<Object[]> future = plan(List.of(line), from, to).stream()
			.filter(row -> ((Timestamp) row[1]).toInstant().isAfter(now))
			.toList();
		return insert(future, "do update set capacity = greatest(excluded.capacity, slot.booked + slot.held),"
				+ " released_at = excluded.released_at where slot.ends_at = excluded.ends_at");
	}

	/**
	 * After the office changed when its slots open: every future slot takes its day's release time (already booked
	 * places stay booked; a withdrawn slot stays withdrawn).
	 */
	@Transactional
	public int rescheduleReleases() {
		OfficeProfile profile = profiles.getRequired();
		if (profile.getReleaseDaysAhead() == null) {
			return jdbc.update(TenantSql.of("update {t}.slot set released_at = least(released_at, now())"
					+ " where starts_at > now() and not (" + SlotRemoval.WITHDRAWN + ")"));
		}
		String zone = profile.getTimeZone().getId();
		return jdbc.update(TenantSql.of("update {t}.slot set released_at = (((starts_at at time zone ?)::date - ?::int)"
				+ " + ?::time) at time zone ? where starts_at > now() and not (" + SlotRemoval.WITHDRAWN + ")"), zone,
				profile.getReleaseDaysAhead(), profile.getReleaseTime().toString(), zone);
	}

	/**
	 * When a day's slots become bookable: so many days before it at the office's release time, if the office set one;
	 * else at once.
	 */
	static Instant releaseOf(LocalDate day, OfficeProfile profile, ZoneId zone, Instant now) {
		if (profile.getReleaseDaysAhead() == null || profile.getReleaseTime() == null) {
			return now;
		}
		return day.minusDays(profile.getReleaseDaysAhead()).atTime(profile.getReleaseTime()).atZone(zone).toInstant();
	}

	/** {@link #regenerate(long, LocalDate, LocalDate)} for every service line of the office. */
	@Transactional
	public int regenerateAll(LocalDate from, LocalDate to) {
		int made = 0;
		for (ServiceLine line : serviceLines.findAll()) {
			made += regenerate(line.getId(), from, to);
		}
		return made;
	}

	/** The slots the hours and the calendar call for, as rows of the slot table (line, start, end, capacity, release). */
	private List<Object[]> plan(List<ServiceLine> lines, LocalDate from, LocalDate to) {
		OfficeProfile profile = profiles.getRequired();
		ZoneId zone = profile.getTimeZone();
		DayRules rules = calendar.rules(from, to);
		Instant now = Instant.now();
		List<Object[]> rows = new ArrayList<>();
		for (ServiceLine line : lines) {
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				if (rules.isClosed(day, line.getId())) {
					continue;
				}
				for (OpeningHours hours : line.getHours()) {
					if (hours.dayOfWeek() == day.getDayOfWeek()) {
						addSlots(rows, line.getId(), day, hours, rules.counters(day, line.getId(), hours.counters()), zone,
								releaseOf(day, profile, zone, now));
					}
				}
			}
		}
		return rows;
	}

	/** Inserts the rows; {@code onConflict} says what happens where a slot of the line starts at the same time. */
	private int insert(List<Object[]> rows, String onConflict) {
		int[][] inserted = jdbc.batchUpdate(TenantSql.of("insert into {t}.slot (service_line_id, starts_at, ends_at,"
				+ " capacity, released_at) values (?, ?, ?, ?, ?) on conflict (service_line_id, starts_at) " + onConflict),
				rows, 500, (ps, row) -> {
					for (int i = 0; i < row.length; i++) {
						ps.setObject(i + 1, row[i]);
					}
				});
		int count = 0;
		for (int[] batch : inserted) {
			for (int n : batch) {
				count += Math.max(n, 0);
			}
		}
		return count;
	}

	private static void addSlots(List<Object[]> rows, long lineId, LocalDate day, OpeningHours hours, int capacity,
			ZoneId zone, Instant releasedAt) {
		for (LocalTime start = hours.opens(); !start.plusMinutes(hours.slotMinutes()).isAfter(hours.closes())
				&& !start.plusMinutes(hours.slotMinutes()).isBefore(start); start = start.plusMinutes(hours.slotMinutes())) {
			Instant startsAt = day.atTime(start).atZone(zone).toInstant();
			Instant endsAt = day.atTime(start.plusMinutes(hours.slotMinutes())).atZone(zone).toInstant();
			rows.add(new Object[] { lineId, Timestamp.from(startsAt), Timestamp.from(endsAt), capacity,
					Timestamp.from(releasedAt) });
		}
	}
}
