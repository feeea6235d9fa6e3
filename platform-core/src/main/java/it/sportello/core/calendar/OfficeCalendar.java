package it.sportello.core.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current Questura's closed days and reduced days. Closing a day removes its free slots, withdraws the others
 * ({@link SlotRemoval}) and flags their bookings for the office, who moves or cancels them; nothing booked is deleted.
 */
@Service
public class OfficeCalendar {

	private final JdbcTemplate jdbc;

	private final OfficeProfiles profiles;

	private final AuditLog audit;

	OfficeCalendar(JdbcTemplate jdbc, OfficeProfiles profiles, AuditLog audit) {
		this.jdbc = jdbc;
		this.profiles = profiles;
		this.audit = audit;
	}

	/** The rules of the days from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	public DayRules rules(LocalDate from, LocalDate to) {
		OfficeProfile profile = profiles.getRequired();
		Set<LocalDate> office = new HashSet<>();
		Set<DayRules.LineDay> lines = new HashSet<>();
		jdbc.query(TenantSql.of("select day, service_line_id from {t}.closure where day between ? and ?"), rs -> {
			LocalDate day = rs.getDate(1).toLocalDate();
			long line = rs.getLong(2);
			if (rs.wasNull()) {
				office.add(day);
			}
			else {
				lines.add(new DayRules.LineDay(day, line));
			}
		}, Date.valueOf(from), Date.valueOf(to));
		Map<DayRules.LineDay, Integer> reductions = new HashMap<>();
		jdbc.query(TenantSql.of("select day, service_line_id, counters from {t}.counter_reduction where day between ? and ?"),
				rs -> {
					reductions.put(new DayRules.LineDay(rs.getDate(1).toLocalDate(), rs.getLong(2)), rs.getInt(3));
				}, Date.valueOf(from), Date.valueOf(to));
		return new DayRules(profile.getPatronSaintDay(), office, lines, reductions);
	}

	/** The closures and reductions from the day on, earliest first; on a day, the whole office's first. */
	@Transactional(readOnly = true)
	public List<DayChange> changesFrom(LocalDate from) {
		return jdbc.query(TenantSql.of("select day, service_line_id, null::integer, reason from {t}.closure where day >= ?"
				+ " union all select day, service_line_id, counters, reason from {t}.counter_reduction where day >= ?"
				+ " order by 1, 2 nulls first, 3 nulls first"),
				(rs, n) -> new DayChange(rs.getDate(1).toLocalDate(), rs.getObject(2, Long.class),
						rs.getObject(3, Integer.class), rs.getString(4)),
				Date.valueOf(from), Date.valueOf(from));
	}

	/**
	 * Closes a day, for the whole office or one service line: its free slots go, its booked slots take no one else
	 * (not even once their bookings are moved away), and its bookings are flagged with the reason. Returns how many
	 * bookings were flagged.
	 */
	@Transactional
	public int close(LocalDate day, Long serviceLineId, String reason, String actor) {
		jdbc.update(TenantSql.of("insert into {t}.closure (day, service_line_id, reason) values (?, ?, ?)"),
				Date.valueOf(day), serviceLineId, reason);
		String slotsOfDay = slotsOfDay(serviceLineId);
		Object[] args = dayArgs(day, serviceLineId);
		jdbc.update(TenantSql.of("delete from {t}.slot where " + SlotRemoval.UNNAMED + " and id in (" + slotsOfDay + ")"),
				args);
		jdbc.update(TenantSql.of("update {t}.slot set " + SlotRemoval.WITHDRAW + " where id in (" + slotsOfDay + ")"), args);
		int flagged = flag(reason, slotsOfDay, args);
		audit.record(new AuditEntry(actor, "DAY_CLOSED", "OFFICE", null, null, reason).with("day", day)
			.with("flagged", flagged)
			.with("serviceLine", serviceLineId));
		return flagged;
	}

	/**
	 * Works one service line with fewer counters on one day: its slots lose capacity down to what is already booked,
	 * and the bookings beyond the new number are flagged. Returns how many bookings were flagged.
	 */
	@Transactional
	public int reduce(LocalDate day, long serviceLineId, int counters, String reason, String actor) {
		if (counters < 0) {
			throw new IllegalArgumentException("Counters cannot be negative");
		}
		jdbc.update(TenantSql.of("insert into {t}.counter_reduction (day, service_line_id, counters, reason)"
				+ " values (?, ?, ?, ?) on conflict (day, service_line_id) do update set counters = excluded.counters,"
				+ " reason = excluded.reason"), Date.valueOf(day), serviceLineId, counters, reason);
		String slotsOfDay = slotsOfDay(serviceLineId);
		Object[] args = dayArgs(day, serviceLineId);
		String overbooked = "select id from {t}.slot where booked + held > " + counters + " and id in (" + slotsOfDay + ")";
		int flagged = flag(reason, overbooked, args);
		jdbc.update(TenantSql.of("update {t}.slot set capacity = greatest(?, booked + held) where id in (" + slotsOfDay
				+ ")"), prepend(counters, args));
		audit.record(new AuditEntry(actor, "COUNTERS_REDUCED", "OFFICE", null, null, reason).with("day", day)
			.with("counters", counters)
			.with("flagged", flagged)
			.with("serviceLine", serviceLineId));
		return flagged;
	}

	private int flag(String reason, String slots, Object[] args) {
		return jdbc.update(TenantSql.of("update {t}.booking set attention = ?, updated_at = now()"
				+ " where status in ('BOOKED', 'CHECKED_IN') and slot_id in (" + slots + ")"), prepend(reason, args));
	}

	private String slotsOfDay(Long serviceLineId) {
		return "select id from {t}.slot where starts_at >= ? and starts_at < ?"
				+ (serviceLineId == null ? "" : " and service_line_id = ?");
	}

	private Object[] dayArgs(LocalDate day, Long serviceLineId) {
		ZoneId zone = profiles.getRequired().getTimeZone();
		Timestamp start = Timestamp.from(day.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
		return serviceLineId == null ? new Object[] { start, end } : new Object[] { start, end, serviceLineId };
	}

	private static Object[] prepend(Object first, Object[] rest) {
		Object[] all = new Object[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}
}
