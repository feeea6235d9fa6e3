package it.sportello.core.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.event.DomainEvents;
import it.sportello.core.person.PersonKey;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSql;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of the booking engine, one statement a method. Capacity and the one-booking rules live in the database:
 * the conditional slot update and the {@code CHECK}, and the claim rows with their primary keys.
 */
@Component
class BookingStore {

	/** The SQLSTATE of a refusal raised by the booking function. */
	static final String REFUSED = "SP409";

	private final JdbcTemplate jdbc;

	BookingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PracticeRow> practice(long id) {
		return jdbc.query(TenantSql.of("select service_line_id from {t}.practice where id = ?"),
				(rs, n) -> new PracticeRow(id, rs.getLong(1)), id).stream().findFirst();
	}

	Optional<SlotRow> slot(long id) {
		return jdbc.query(TenantSql.of("select service_line_id, starts_at, released_at <= now(), starts_at > now()"
				+ " from {t}.slot where id = ?"),
				(rs, n) -> new SlotRow(id, rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBoolean(3), rs.getBoolean(4)), id)
			.stream()
			.findFirst();
	}

	/**
	 * Takes one of the association's places: where the Questura lets it book, while it is accredited and entitled,
	 * and below its quota, with one conditional update of its row (which concurrent bookings of the same association
	 * wait on, so that the quota holds).
	 */
	void takeAssociationPlace(long associationId) {
		boolean allowedHere = Boolean.TRUE.equals(jdbc.queryForObject(TenantSql.of("select not associations_restricted"
				+ " or exists (select 1 from {t}.allowed_association where association_id = ?) from {t}.office_profile"),
				Boolean.class, associationId));
		if (!allowedHere) {
			throw new BookingRefused(Reason.ASSOCIATION_NOT_ALLOWED_HERE);
		}
		int taken = jdbc.update("update platform.association set active_bookings = active_bookings + 1 where id = ?"
				+ " and status = 'APPROVED' and active_bookings < quota and (entitlement = 'ACTIVE'"
				+ " or (entitlement = 'PAST_DUE' and grace_until > now()))", associationId);
		if (taken == 0) {
			List<String> state = jdbc.query("select case when status <> 'APPROVED' then 'ASSOCIATION_NOT_ACCREDITED'"
					+ " when entitlement = 'ACTIVE' or (entitlement = 'PAST_DUE' and grace_until > now())"
					+ " then 'QUOTA_EXCEEDED' else 'NOT_ENTITLED' end from platform.association where id = ?",
					(rs, n) -> rs.getString(1), associationId);
			throw new BookingRefused(state.isEmpty() ? Reason.ASSOCIATION_NOT_ACCREDITED : Reason.valueOf(state.get(0)));
		}
	}

	void releaseClaims(BookingReference reference) {
		jdbc.update(TenantSql.of("update platform.association set active_bookings = active_bookings - 1 where id ="
				+ " (select association_id from {t}.booking where reference = ?)"), reference.value());
		jdbc.update("delete from platform.person_claim where tenant_slug = ? and booking_reference = ?", tenantSlug(),
				reference.value());
		jdbc.update("delete from platform.account_claim where tenant_slug = ? and booking_reference = ?", tenantSlug(),
				reference.value());
	}

	/**
	 * Takes again the claims a booking gave up when it ended, for an outcome undone: its persons', its account's if a
	 * citizen booked it, and a place of its association's quota. Refuses if another booking took one of them meanwhile.
	 */
	void reclaim(long bookingId, BookingReference reference) {
		int claimed = jdbc.update(TenantSql.of("insert into platform.person_claim (person_key, tenant_slug,"
				+ " booking_reference) select person_key, ?, ? from {t}.booking_person where booking_id = ?"
				+ " on conflict (person_key) do nothing"), tenantSlug(), reference.value(), bookingId);
		if (claimed < personKeys(bookingId).size()) {
			throw new BookingRefused(Reason.PERSON_ALREADY_BOOKED);
		}
		Owner owner = jdbc.queryForObject(TenantSql.of("select channel, account_id, association_id from {t}.booking"
				+ " where id = ?"), (rs, n) -> new Owner(Channel.valueOf(rs.getString(1)), (Long) rs.getObject(2),
						(Long) rs.getObject(3)), bookingId);
		if (owner.channel() == Channel.CITIZEN && owner.accountId() != null && jdbc.update("insert into"
				+ " platform.account_claim (account_id, tenant_slug, booking_reference) values (?, ?, ?)"
				+ " on conflict (account_id) do nothing", owner.accountId(), tenantSlug(), reference.value()) == 0) {
			throw new BookingRefused(Reason.ACCOUNT_ALREADY_BOOKED);
		}
		if (owner.associationId() != null) {
			takeAssociationPlace(owner.associationId());
		}
	}

	private record Owner(Channel channel, Long accountId, Long associationId) {
	}

	/**
	 * Books in one call of the schema's {@code book} function: checks, claims, rows and last the slot's place. A
	 * refusal comes back as SQLSTATE {@value #REFUSED} with the reason as its message, and nothing stays written.
	 * Runs outside any transaction, so that the call commits at once and the slot row is locked only inside it.
	 * Returns when the booked slot starts.
	 * @throws BookingRefused with the reason of the refusal
	 */
	Instant book(BookingReference reference, BookingRequest request, List<PersonKey> keys, boolean claimAccount,
			DomainEvents.Serialized event, String lockTimeout) {
		Timestamp startsAt;
		try {
			startsAt = jdbc.queryForObject(TenantSql.of("select {t}.book(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[],"
					+ " ?::varchar[], ?::boolean[], ?::varchar[], ?::date[], ?, ?, ?, ?, ?, ?, ?)"), Timestamp.class, reference.value(),
					request.slotId(), request.practiceId(), request.channel().name(), request.accountId(),
					request.associationId(), request.practiceNumber(), request.email(), request.phone(),
					request.language(), keys.stream().map(PersonKey::value).toArray(String[]::new),
					request.persons().stream().map(p -> p.fullName().strip()).toArray(String[]::new),
					request.persons().stream().map(PersonDetails::minor).toArray(Boolean[]::new),
					request.persons().stream().map(PersonDetails::nationality).toArray(String[]::new),
					// ISO dates as text, cast by the statement: the driver sends no arrays of dates
					request.persons().stream().map(p -> p.birthDate() == null ? null : p.birthDate().toString())
						.toArray(String[]::new),
					claimAccount,
					tenantSlug(), request.actor(), event.type(), event.payload(), lockTimeout, request.origin());
		}
		catch (DataAccessException ex) {
			throw refusal(ex).orElseThrow(() -> ex);
		}
		if (startsAt == null) {
			throw new BookingRefused(Reason.SLOT_FULL);
		}
		return startsAt.toInstant();
	}

	private static Optional<BookingRefused> refusal(DataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && REFUSED.equals(psql.getSQLState())
					&& psql.getServerErrorMessage() != null) {
				return Optional.of(new BookingRefused(Reason.valueOf(psql.getServerErrorMessage().getMessage())));
			}
		}
		return Optional.empty();
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
		return jdbc.query(TenantSql.of("select b.id, b.slot_id, b.practice_id, b.status, b.channel, s.starts_at,"
				+ " b.updated_at from {t}.booking b join {t}.slot s on s.id = b.slot_id where b.reference = ?"
				+ " for update of b"),
				(rs, n) -> new BookingRow(rs.getLong(1), reference, rs.getLong(2), rs.getLong(3),
						BookingStatus.valueOf(rs.getString(4)), Channel.valueOf(rs.getString(5)),
						rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()),
				reference.value()).stream().findFirst();
	}

	/** When the booking's no-show was recorded, if it is one. */
	Optional<Instant> noShowRecordedAt(BookingReference reference) {
		return jdbc.query(TenantSql.of("select updated_at from {t}.booking where reference = ? and status = 'NO_SHOW'"),
				(rs, n) -> rs.getTimestamp(1).toInstant(), reference.value()).stream().findFirst();
	}

	List<PersonKey> personKeys(long bookingId) {
		return jdbc.query(TenantSql.of("select person_key from {t}.booking_person where booking_id = ? order by position"),
				(rs, n) -> new PersonKey(rs.getString(1)), bookingId);
	}

	/** The booking's persons with their keys, holder first, for a booking made again for the same persons. */
	List<KeyedPerson> persons(long bookingId) {
		return jdbc.query(TenantSql.of("select person_key, full_name, minor, nationality, birth_date from {t}.booking_person"
				+ " where booking_id = ? order by position"),
				(rs, n) -> new KeyedPerson(new PersonKey(rs.getString(1)), new PersonDetails(rs.getString(2), null,
						rs.getBoolean(3), rs.getString(4), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate())),
				bookingId);
	}

	/**
	 * The release instant of the slot, if the slot is in its release's draw window now (released, but for less than
	 * the office's window): requests then are entries of the draw, not bookings.
	 */
	Optional<Instant> drawWindowOf(long slotId) {
		if (!releasesOnSchedule()) {
			return Optional.empty();
		}
		return jdbc.query(TenantSql.of("select s.released_at from {t}.slot s, {t}.office_profile o where s.id = ?"
				+ " and o.release_days_ahead is not null and s.released_at <= now()"
				+ " and now() < s.released_at + make_interval(secs => o.draw_window_seconds)"),
				(rs, n) -> rs.getTimestamp(1).toInstant(), slotId).stream().findFirst();
	}

	/**
	 * Whether the current Questura releases its slots on a schedule (and so runs draws), remembered for a few seconds:
	 * a request in an office without one then costs no extra query (infra/bench/storm measures it).
	 */
	private boolean releasesOnSchedule() {
		String schema = TenantContext.getRequired().schema();
		long now = System.nanoTime();
		ScheduleFlag known = schedules.get(schema);
		if (known != null && now - known.readAt() < SCHEDULE_FLAG_NANOS) {
			return known.onSchedule();
		}
		boolean onSchedule = Boolean.TRUE.equals(jdbc.queryForObject(
				TenantSql.of("select release_days_ahead is not null from {t}.office_profile"), Boolean.class));
		schedules.put(schema, new ScheduleFlag(onSchedule, now));
		return onSchedule;
	}

	private static final long SCHEDULE_FLAG_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final ConcurrentMap<String, ScheduleFlag> schedules =
			new ConcurrentHashMap<>();

	private record ScheduleFlag(boolean onSchedule, long readAt) {
	}

	long idOf(BookingReference reference) {
		return jdbc.queryForObject(TenantSql.of("select id from {t}.booking where reference = ?"), Long.class,
				reference.value());
	}

	boolean isPickUp(long practiceId) {
		return Boolean.TRUE.equals(jdbc.query(TenantSql.of("select kind = 'PICK_UP' and active from {t}.practice where id = ?"),
				(rs, n) -> rs.getBoolean(1), practiceId).stream().findFirst().orElse(false));
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

	/** A practice as a move needs it: the service line whose slots it takes. */
	record PracticeRow(long id, long serviceLineId) {
	}

	record KeyedPerson(PersonKey key, PersonDetails details) {
	}

	record SlotRow(long id, long serviceLineId, Instant startsAt, boolean released, boolean future) {

		boolean bookableFor(PracticeRow practice) {
			return serviceLineId == practice.serviceLineId() && released && future;
		}
	}

	/** A booking as a change reads it, locked: {@code updatedAt} is when its status (or slot) last changed. */
	record BookingRow(long id, BookingReference reference, long slotId, long practiceId, BookingStatus status,
			Channel channel, Instant startsAt, Instant updatedAt) {
	}
}
