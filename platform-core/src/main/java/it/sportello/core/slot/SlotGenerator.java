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
 * that exist are left alone, so running it again adds only what is missing.
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
		OfficeProfile profile = profiles.getRequired();
		ZoneId zone = profile.getTimeZone();
		DayRules rules = calendar.rules(from, to);
		Instant now = Instant.now();
		List<Object[]> rows = new ArrayList<>();
		for (ServiceLine line : serviceLines.findAll()) {
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
		int[][] inserted = jdbc.batchUpdate(TenantSql.of("insert into {t}.slot (service_line_id, starts_at, ends_at,"
				+ " capacity, released_at) values (?, ?, ?, ?, ?) on conflict (service_line_id, starts_at) do nothing"),
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

	/**
	 * After a change of a service line's hours: drops its future slots that nobody booked or holds, and materialises
	 * the new ones. Booked slots stay as they are, whatever the new hours say.
	 */
	@Transactional
	public int regenerate(long serviceLineId, LocalDate from, LocalDate to) {
		jdbc.update(TenantSql.of("delete from {t}.slot where service_line_id = ? and booked = 0 and held = 0"
				+ " and starts_at > now()"), serviceLineId);
		return generate(from, to);
	}

	/**
	 * After the office changed when its slots open: every future slot takes its day's release time (already booked
	 * places stay booked).
	 */
	@Transactional
	public int rescheduleReleases() {
		OfficeProfile profile = profiles.getRequired();
		if (profile.getReleaseDaysAhead() == null) {
			return jdbc.update(TenantSql.of("update {t}.slot set released_at = least(released_at, now())"
					+ " where starts_at > now()"));
		}
		String zone = profile.getTimeZone().getId();
		return jdbc.update(TenantSql.of("update {t}.slot set released_at = (((starts_at at time zone ?)::date - ?::int)"
				+ " + ?::time) at time zone ? where starts_at > now()"), zone, profile.getReleaseDaysAhead(),
				profile.getReleaseTime().toString(), zone);
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
		jdbc.update(TenantSql.of("delete from {t}.slot where booked = 0 and held = 0 and starts_at > now()"));
		return generate(from, to);
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
