package it.sportello.core.slot;

import java.time.LocalDate;
import java.util.List;

import it.sportello.core.calendar.SlotRemoval;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.OpeningHours;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's change of a service line's weekly hours, applied together with its slots up to the horizon in one
 * transaction: the hours the office page shows and the places people can book change together, or neither does.
 * Bookings at times the new hours do not offer are kept ({@link KeptBooking}): the change never cancels anyone.
 */
@Service
public class HoursChanges {

	private final ServiceLines serviceLines;

	private final SlotGenerator generator;

	private final OfficeProfiles profiles;

	private final SlotProperties properties;

	private final JdbcTemplate jdbc;

	HoursChanges(ServiceLines serviceLines, SlotGenerator generator, OfficeProfiles profiles, SlotProperties properties,
			JdbcTemplate jdbc) {
		this.serviceLines = serviceLines;
		this.generator = generator;
		this.profiles = profiles;
		this.properties = properties;
		this.jdbc = jdbc;
	}

	/**
	 * Puts the weekly hours in force for the service line and fits its slots to them; returns the line's bookings kept
	 * at times the hours no longer offer.
	 */
	@Transactional
	public List<KeptBooking> change(long serviceLineId, List<OpeningHours> weekly) {
		ServiceLine line = serviceLines.findById(serviceLineId)
			.orElseThrow(() -> new IllegalArgumentException("No service line " + serviceLineId));
		line.replaceHours(weekly);
		serviceLines.save(line);
		LocalDate today = LocalDate.now(profiles.getRequired().getTimeZone());
		generator.regenerate(serviceLineId, today, today.plusDays(properties.horizonDays()));
		return keptOutsideHours(serviceLineId);
	}

	/** The active bookings of the service line, from now on, at times it no longer offers; earliest first. */
	@Transactional(readOnly = true)
	public List<KeptBooking> keptOutsideHours(long serviceLineId) {
		return jdbc.query(TenantSql.of("select b.reference, s.starts_at, p.full_name from {t}.booking b"
				+ " join {t}.slot s on s.id = b.slot_id"
				+ " left join {t}.booking_person p on p.booking_id = b.id and p.position = 0"
				+ " where s.service_line_id = ? and s.starts_at > now() and s." + SlotRemoval.WITHDRAWN
				+ " and b.status in ('BOOKED', 'CHECKED_IN') order by s.starts_at, b.reference"),
				(rs, n) -> new KeptBooking(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
				serviceLineId);
	}
}
