package it.sportello.core.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.person.PersonKey;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of the booking engine, one statement a method. Capacity and the one-booking rules live in the database:
 * the conditional slot update and the {@code CHECK}, and the claim rows with their primary keys.
 */
@Component
class BookingStore {

	private final JdbcTemplate jdbc;

	BookingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PracticeRow> practice(long id) {
		return jdbc.query(TenantSql.of("select service_line_id, kind, bookable_by, active from {t}.practice where id = ?"),
				(rs, n) -> new PracticeRow(id, rs.getLong(1), PracticeKind.valueOf(rs.getString(2)),
						BookableBy.valueOf(rs.getString(3)), rs.getBoolean(4)),
				id).stream().findFirst();
	}

	Optional<SlotRow> slot(long id) {
		return jdbc.query(TenantSql.of("select service_line_id, starts_at, released_at <= now(), starts_at > now()"
				+ " from {t}.slot where id = ?"),
				(rs, n) -> new SlotRow(id, rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3),
						rs.getBoolean(4)),
				id).stream().findFirst();
	}

	boolean readyForPickup(String practiceNumber, PersonKey holder) {
		return Boolean.TRUE.equals(jdbc.queryForObject(TenantSql.of("select exists (select 1 from {t}.ready_for_pickup"
				+ " where practice_number = ? and (person_key is null or person_key = ?))"), Boolean.class,
				practiceNumber, holder.value()));
	}

	boolean claimPerson(PersonKey key, BookingReference reference) {
		return jdbc.update("insert into platform.person_claim (person_key, tenant_slug, booking_reference)"
				+ " values (?, ?, ?) on conflict (person_key) do nothing", key.value(), tenantSlug(),
				reference.value()) == 1;
	}

	boolean claimAccount(long accountId, BookingReference reference) {
		return jdbc.update("insert into platform.account_claim (account_id, tenant_slug, booking_reference)"
				+ " values (?, ?, ?) on conflict (account_id) do nothing", accountId, tenantSlug(),
				reference.value()) == 1;
	}

	void releaseClaims(BookingReference reference) {
		jdbc.update("delete from platform.person_claim where tenant_slug = ? and booking_reference = ?", tenantSlug(),
				reference.value());
		jdbc.update("delete from platform.account_claim where tenant_slug = ? and booking_reference = ?", tenantSlug(),
				reference.value());
	}

	long insertBooking(BookingReference reference, BookingRequest request) {
		return jdbc.queryForObject(TenantSql.of("insert into {t}.booking (reference, slot_id, practice_id, channel,"
				+ " status, account_id, association_id, practice_number, email, phone, language)"
				+ " values (?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?, ?, ?) returning id"), Long.class, reference.value(),
				request.slotId(), request.practiceId(), request.channel().name(), request.accountId(),
				request.associationId(), request.practiceNumber(), request.email(), request.phone(),
				request.language());
	}

	void insertPersons(long bookingId, List<PersonDetails> persons, List<PersonKey> keys) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < persons.size(); i++) {
			rows.add(new Object[] { bookingId, i, keys.get(i).value(), persons.get(i).fullName().strip(),
					persons.get(i).minor() });
		}
		jdbc.batchUpdate(TenantSql.of("insert into {t}.booking_person (booking_id, position, person_key, full_name,"
				+ " minor) values (?, ?, ?, ?, ?)"), rows);
	}

	/** Takes a place if one is free: the guard against overselling, with the table's CHECK behind it. */
	boolean takePlace(long slotId) {
		return jdbc.update(TenantSql.of("update {t}.slot set booked = booked + 1 where id = ? and booked + held < capacity"
				+ " and released_at <= now() and starts_at > now()"), slotId) == 1;
	}

	void freePlace(long slotId) {
		jdbc.update(TenantSql.of("update {t}.slot set booked = booked - 1 where id = ?"), slotId);
	}

	/** Locks the slots in id order, so that two moves in opposite directions cannot deadlock. */
	void lockSlots(long first, long second) {
		jdbc.query(TenantSql.of("select id from {t}.slot where id in (?, ?) order by id for update"), rs -> {
		}, first, second);
	}

	Optional<BookingRow> lockBooking(BookingReference reference) {
		return jdbc.query(TenantSql.of("select b.id, b.slot_id, b.practice_id, b.status, b.channel, s.starts_at"
				+ " from {t}.booking b join {t}.slot s on s.id = b.slot_id where b.reference = ? for update of b"),
				(rs, n) -> new BookingRow(rs.getLong(1), reference, rs.getLong(2), rs.getLong(3),
						BookingStatus.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)),
						rs.getTimestamp(6).toInstant()),
				reference.value()).stream().findFirst();
	}

	List<PersonKey> personKeys(long bookingId) {
		return jdbc.query(TenantSql.of("select person_key from {t}.booking_person where booking_id = ? order by position"),
				(rs, n) -> new PersonKey(rs.getString(1)), bookingId);
	}

	void updateStatus(long bookingId, BookingStatus status) {
		jdbc.update(TenantSql.of("update {t}.booking set status = ?, updated_at = now() where id = ?"), status.name(),
				bookingId);
	}

	void moveTo(long bookingId, long slotId) {
		jdbc.update(TenantSql.of("update {t}.booking set slot_id = ?, attention = null, updated_at = now() where id = ?"),
				slotId, bookingId);
	}

	private static String tenantSlug() {
		return TenantContext.getRequired().id().slug();
	}

	record PracticeRow(long id, long serviceLineId, PracticeKind kind, BookableBy bookableBy, boolean active) {

		boolean bookableThrough(Channel channel) {
			return active && switch (channel) {
				case CITIZEN -> bookableBy.citizens();
				case ASSOCIATION -> bookableBy.associations();
				case OFFICE -> true;
			};
		}
	}

	record SlotRow(long id, long serviceLineId, Instant startsAt, boolean released, boolean future) {

		boolean bookableFor(PracticeRow practice) {
			return serviceLineId == practice.serviceLineId() && released && future;
		}
	}

	record BookingRow(long id, BookingReference reference, long slotId, long practiceId, BookingStatus status,
			Channel channel, Instant startsAt) {
	}
}
