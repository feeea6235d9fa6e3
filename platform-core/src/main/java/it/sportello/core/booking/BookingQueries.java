package it.sportello.core.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import it.sportello.core.person.PersonKey;
import it.sportello.core.tenancy.TenantSql;
import it.sportello.core.text.LocalizedText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads bookings: one by its reference in the current Questura, and the platform-wide claims. */
@Component
public class BookingQueries {

	private static final String VIEW = "select b.reference, b.status, b.channel, b.practice_id, p.name_it, p.name_en,"
			+ " p.name_fr, p.name_ar, b.slot_id, s.starts_at, s.ends_at, si.name_it, si.name_en, si.name_fr, si.name_ar,"
			+ " si.address || ', ' || si.postal_code || ' ' || si.city, b.account_id, b.association_id, b.email,"
			+ " b.language, b.attention, b.id from {t}.booking b join {t}.practice p on p.id = b.practice_id"
			+ " join {t}.slot s on s.id = b.slot_id join {t}.service_line l on l.id = s.service_line_id"
			+ " join {t}.site si on si.id = l.site_id";

	private final JdbcTemplate jdbc;

	BookingQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<BookingView> find(BookingReference reference) {
		return jdbc.query(TenantSql.of(VIEW + " where b.reference = ?"), this::view, reference.value())
			.stream()
			.findFirst();
	}

	/**
	 * The bookings of one day in the office's zone, earliest first, of one service line or all: the day the counters
	 * work through, each booking in whatever state it is.
	 */
	public List<BookingView> ofDay(LocalDate day, ZoneId zone, Long serviceLineId) {
		return jdbc.query(TenantSql.of(VIEW + " where s.starts_at >= ? and s.starts_at < ?"
				+ " and (?::bigint is null or s.service_line_id = ?::bigint) order by s.starts_at, b.id"), this::view,
				Timestamp.from(day.atStartOfDay(zone).toInstant()),
				Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()), serviceLineId, serviceLineId);
	}

	/** The current Questura's bookings made by the association, latest appointment first. */
	public List<BookingView> ofAssociation(long associationId) {
		return jdbc.query(TenantSql.of(VIEW + " where b.association_id = ? order by s.starts_at desc"), this::view,
				associationId);
	}

	/** Where the account's active booking is, if it has one. */
	public Optional<Claim> activeBookingOfAccount(long accountId) {
		return jdbc.query("select tenant_slug, booking_reference from platform.account_claim where account_id = ?",
				(rs, n) -> new Claim(rs.getString(1), new BookingReference(rs.getString(2))), accountId)
			.stream()
			.findFirst();
	}

	/** Whether the person holds an active booking anywhere on the platform. */
	public boolean hasActiveBooking(PersonKey key) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from platform.person_claim where person_key = ?)", Boolean.class, key.value()));
	}

	private BookingView view(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong(22);
		List<BookingView.Person> persons = jdbc.query(
				TenantSql.of("select full_name, minor, nationality, birth_date from {t}.booking_person"
						+ " where booking_id = ? order by position"),
				(p, n) -> new BookingView.Person(p.getString(1), p.getBoolean(2), p.getString(3),
						p.getDate(4) == null ? null : p.getDate(4).toLocalDate()), id);
		return new BookingView(new BookingReference(rs.getString(1)), BookingStatus.valueOf(rs.getString(2)),
				Channel.valueOf(rs.getString(3)), rs.getLong(4),
				new LocalizedText(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), rs.getLong(9),
				rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(),
				new LocalizedText(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15)),
				rs.getString(16), persons, (Long) rs.getObject(17), (Long) rs.getObject(18), rs.getString(19),
				rs.getString(20), rs.getString(21));
	}

	/** An active booking held on the platform: in which Questura, under which reference. */
	public record Claim(String tenantSlug, BookingReference reference) {
	}
}
