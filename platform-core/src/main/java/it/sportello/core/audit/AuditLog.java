package it.sportello.core.audit;

import java.time.Instant;
import java.util.List;

import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The append-only audit log of the current Questura; the database refuses updates and deletes. */
@Component
public class AuditLog {

	private final JdbcTemplate jdbc;

	AuditLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the entry in the caller's transaction. */
	public void record(AuditEntry entry) {
		jdbc.update(TenantSql.of("insert into {t}.audit_event (actor, action, channel, booking_reference, subject, detail)"
				+ " values (?, ?, ?, ?, ?, ?)"), entry.actor(), entry.action(), entry.channel(), entry.bookingReference(),
				entry.subject(), entry.detail());
	}

	/**
	 * A member of staff looked at personal data (a booking's page, a search by person or reference, an export): police
	 * data deserves a record of who read it, as well as of who changed it. Recorded at once, in its own statement.
	 */
	public void looked(String actor, String what, String bookingReference, String subject) {
		record(new AuditEntry(actor, "VIEWED", null, bookingReference, subject, what));
	}

	/** The events of one booking, oldest first. */
	public List<RecordedEvent> forBooking(String reference) {
		return jdbc.query(TenantSql.of("select occurred_at, actor, action, channel, booking_reference, subject, detail"
				+ " from {t}.audit_event where booking_reference = ? order by id"),
				(rs, n) -> new RecordedEvent(rs.getTimestamp(1).toInstant(),
						new AuditEntry(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getString(6), rs.getString(7))),
				reference);
	}

	/**
	 * The office's events that match every filter given (a null filter matches all), newest first, at most 500.
	 * @param subject a person key, or an account
	 * @param actor who did it, e.g. {@code staff:12}
	 * @param from the first instant, inclusive
	 * @param to the last instant, exclusive
	 */
	public List<RecordedEvent> search(String reference, String subject, String actor, Instant from, Instant to) {
		return jdbc.query(TenantSql.of("select occurred_at, actor, action, channel, booking_reference, subject, detail"
				+ " from {t}.audit_event where (?::varchar is null or booking_reference = ?::varchar)"
				+ " and (?::varchar is null or subject = ?::varchar) and (?::varchar is null or actor = ?::varchar)"
				+ " and (?::timestamptz is null or occurred_at >= ?::timestamptz)"
				+ " and (?::timestamptz is null or occurred_at < ?::timestamptz) order by id desc limit 500"),
				(rs, n) -> new RecordedEvent(rs.getTimestamp(1).toInstant(),
						new AuditEntry(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getString(6), rs.getString(7))),
				reference, reference, subject, subject, actor, actor, timestamp(from), timestamp(from), timestamp(to),
				timestamp(to));
	}

	private static java.sql.Timestamp timestamp(Instant instant) {
		return instant == null ? null : java.sql.Timestamp.from(instant);
	}

	/** An entry and when it was recorded. */
	public record RecordedEvent(Instant occurredAt, AuditEntry entry) {
	}
}
