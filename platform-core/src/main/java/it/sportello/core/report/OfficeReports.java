package it.sportello.core.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.TenantSql;
import it.sportello.core.text.LocalizedText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures an office watches: per day or week, the capacity offered and used, the no-show rate and the bookings by
 * channel; and per practice, how many days ahead its first free place is.
 */
@Component
public class OfficeReports {

	private final JdbcTemplate jdbc;

	private final OfficeProfiles profiles;

	OfficeReports(JdbcTemplate jdbc, OfficeProfiles profiles) {
		this.jdbc = jdbc;
		this.profiles = profiles;
	}

	/** The periods from the first day to the last (inclusive), by day or by ISO week (Monday first). */
	@Transactional(readOnly = true)
	public List<Period> periods(LocalDate from, LocalDate to, boolean weekly) {
		ZoneId zone = profiles.getRequired().getTimeZone();
		String unit = weekly ? "week" : "day";
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		Map<LocalDate, Period> periods = new LinkedHashMap<>();
		jdbc.query(TenantSql.of("select date_trunc('" + unit + "', s.starts_at at time zone ?)::date p,"
				+ " sum(s.capacity), sum(s.booked) from {t}.slot s where s.starts_at >= ? and s.starts_at < ?"
				+ " group by p order by p"), rs -> {
					LocalDate day = rs.getDate(1).toLocalDate();
					periods.put(day, new Period(day, rs.getInt(2), rs.getInt(3), 0, 0, 0, 0, 0));
				}, zone.getId(), start, end);
		jdbc.query(TenantSql.of("select date_trunc('" + unit + "', s.starts_at at time zone ?)::date p,"
				+ " count(*) filter (where b.status = 'SERVED'), count(*) filter (where b.status = 'NO_SHOW'),"
				+ " count(*) filter (where b.channel = 'CITIZEN'), count(*) filter (where b.channel = 'ASSOCIATION'),"
				+ " count(*) filter (where b.channel = 'OFFICE') from {t}.booking b join {t}.slot s on s.id = b.slot_id"
				+ " where s.starts_at >= ? and s.starts_at < ? and b.status <> 'CANCELLED' group by p order by p"), rs -> {
					LocalDate day = rs.getDate(1).toLocalDate();
					Period slots = periods.getOrDefault(day, new Period(day, 0, 0, 0, 0, 0, 0, 0));
					periods.put(day, new Period(day, slots.capacity(), slots.booked(), rs.getInt(2), rs.getInt(3),
							rs.getInt(4), rs.getInt(5), rs.getInt(6)));
				}, zone.getId(), start, end);
		return periods.values().stream().sorted((a, b) -> a.start().compareTo(b.start())).toList();
	}

	/** For each active practice, the days from today to its first free place (null when there is none). */
	@Transactional(readOnly = true)
	public List<FirstFree> firstFree() {
		ZoneId zone = profiles.getRequired().getTimeZone();
		LocalDate today = LocalDate.now(zone);
		return jdbc.query(TenantSql.of("select p.name_it, p.name_en, p.name_fr, p.name_ar, (select min(s.starts_at) from"
				+ " {t}.slot s where s.service_line_id = p.service_line_id and s.starts_at > now()"
				+ " and s.released_at <= now() and s.booked + s.held < s.capacity) from {t}.practice p where p.active"
				+ " order by p.position"), (rs, n) -> {
					Timestamp first = rs.getTimestamp(5);
					Long days = first == null ? null
							: ChronoUnit.DAYS.between(today, first.toInstant().atZone(zone).toLocalDate());
					return new FirstFree(new LocalizedText(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getString(4)), first == null ? null : first.toInstant(), days);
				});
	}

	/**
	 * One day or week.
	 * @param capacity the places offered
	 * @param booked the places taken (cancelled ones are free again)
	 * @param served the bookings whose person was received
	 * @param noShow the bookings whose person did not come
	 */
	public record Period(LocalDate start, int capacity, int booked, int served, int noShow, int citizen,
			int association, int office) {

		/** The share of the capacity booked, 0 to 100. */
		public int usedPercent() {
			return capacity == 0 ? 0 : Math.round(100f * booked / capacity);
		}

		/** The share of the ended bookings whose person did not come, 0 to 100. */
		public int noShowPercent() {
			return served + noShow == 0 ? 0 : Math.round(100f * noShow / (served + noShow));
		}
	}

	/** A practice and its first free place. */
	public record FirstFree(LocalizedText practice, Instant startsAt, Long daysAhead) {
	}
}
