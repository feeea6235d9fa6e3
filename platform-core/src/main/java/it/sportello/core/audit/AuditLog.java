package it.sportello.core.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only audit log of the current Questura; the database refuses updates and deletes. */
@Component
public class AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> FACTS = new TypeReference<>() {
	};

	private static final String COLUMNS = "select occurred_at, actor, action, channel, booking_reference, subject, detail,"
			+ " facts::text from {t}.audit_event";

	private final JdbcTemplate jdbc;

	AuditLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the entry in the caller's transaction. */
	public void record(AuditEntry entry) {
		// json, not jsonb: it keeps the facts in their order, which is the order of the message's arguments
		jdbc.update(TenantSql.of("insert into {t}.audit_event (actor, action, channel, booking_reference, subject, detail,"
				+ " facts) values (?, ?, ?, ?, ?, ?, ?::json)"), entry.actor(), entry.action(), entry.channel(),
				entry.bookingReference(), entry.subject(), entry.detail(),
				entry.facts() == null ? null : JSON.writeValueAsString(entry.facts()));
	}

	/**
	 * A member of staff looked at personal data (a booking's page, a search by person or reference, an export): police
	 * data deserves a record of who read it, as well as of who changed it. Recorded at once, in its own statement.
	 * @param what what was read, as the pages know it and word it for the reader: "booking page", "audit search",
	 * "reports export {from}..{to}"
	 */
	public void looked(String actor, String what, String bookingReference, String subject) {
		record(new AuditEntry(actor, "VIEWED", null, bookingReference, subject, what));
	}

	/** The events of one booking, oldest first. */
	public List<RecordedEvent> forBooking(String reference) {
		return jdbc.query(TenantSql.of(COLUMNS + " where booking_reference = ? order by id"), AuditLog::recorded,
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
		return jdbc.query(TenantSql.of(COLUMNS + " where (?::varchar is null or booking_reference = ?::varchar)"
				+ " and (?::varchar is null or subject = ?::varchar) and (?::varchar is null or actor = ?::varchar)"
				+ " and (?::timestamptz is null or occurred_at >= ?::timestamptz)"
				+ " and (?::timestamptz is null or occurred_at < ?::timestamptz) order by id desc limit 500"),
				AuditLog::recorded,
				reference, reference, subject, subject, actor, actor, timestamp(from), timestamp(from), timestamp(to),
				timestamp(to));
	}

	private static RecordedEvent recorded(ResultSet rs, int row) throws SQLException {
		String facts = rs.getString(8);
		Map<String, String> read = facts == null ? null : JSON.readValue(facts, FACTS);
		return new RecordedEvent(rs.getTimestamp(1).toInstant(), new AuditEntry(rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), read));
	}

	private static java.sql.Timestamp timestamp(Instant instant) {
		return instant == null ? null : java.sql.Timestamp.from(instant);
	}

	/** An entry and when it was recorded. */
	public record RecordedEvent(Instant occurredAt, AuditEntry entry) {
	}
}
