package it.sportello.core.message;

import java.util.List;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.Channel;
import it.sportello.core.event.DomainEvents;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's messages to the person of a booking, with their read state. */
@Service
public class Messages {

	static final int MAX_LENGTH = 4000;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final DomainEvents events;

	Messages(JdbcTemplate jdbc, AuditLog audit, DomainEvents events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public Message send(BookingReference reference, String author, String body) {
		if (body == null || body.isBlank() || body.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("A message has 1 to " + MAX_LENGTH + " characters");
		}
		Long bookingId = bookingId(reference);
		Message message = jdbc.queryForObject(TenantSql.of("insert into {t}.message (booking_id, author, body)"
				+ " values (?, ?, ?) returning id, sent_at"),
				(rs, n) -> new Message(rs.getLong(1), rs.getTimestamp(2).toInstant(), author, body.strip(), null),
				bookingId, author, body.strip());
		audit.record(new AuditEntry(author, "MESSAGE_SENT", Channel.OFFICE.name(), reference.value(), null, null));
		events.append(new MessageSent(TenantContext.getRequired().id(), reference.value(), message.id()));
		return message;
	}

	/** The booking's messages, newest first. */
	@Transactional(readOnly = true)
	public List<Message> of(BookingReference reference) {
		return jdbc.query(TenantSql.of("select m.id, m.sent_at, m.author, m.body, m.read_at from {t}.message m"
				+ " join {t}.booking b on b.id = m.booking_id where b.reference = ? order by m.id desc"),
				(rs, n) -> new Message(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
				reference.value());
	}

	/**
	 * The messages to the account about any of its bookings in the current Questura, newest first: a message stays
	 * readable after its booking is served, cancelled or moved on.
	 */
	@Transactional(readOnly = true)
	public List<AccountMessage> ofAccount(long accountId, int limit) {
		return jdbc.query(TenantSql.of("select b.reference, m.id, m.sent_at, m.author, m.body, m.read_at"
				+ " from {t}.message m join {t}.booking b on b.id = m.booking_id where b.account_id = ?"
				// a member who booked for a client is not the person the office writes to
				+ " and b.association_id is null"
				+ " order by m.id desc limit ?"),
				(rs, n) -> new AccountMessage(new BookingReference(rs.getString(1)), new Message(rs.getLong(2),
						rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
						rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant())),
				accountId, limit);
	}

	/** Marks a message read if it was sent about one of the account's bookings; any other is left alone. */
	@Transactional
	public boolean markReadOfAccount(long accountId, long messageId) {
		return jdbc.update(TenantSql.of("update {t}.message set read_at = now() where id = ? and read_at is null"
				+ " and booking_id in (select id from {t}.booking where account_id = ? and association_id is null)"), messageId,
				accountId) > 0;
	}

	@Transactional(readOnly = true)
	public int unread(BookingReference reference) {
		return jdbc.queryForObject(TenantSql.of("select count(*) from {t}.message m join {t}.booking b"
				+ " on b.id = m.booking_id where b.reference = ? and m.read_at is null"), Integer.class,
				reference.value());
	}

	/** Marks a message of the booking read; a message of another booking is left alone. */
	@Transactional
	public void markRead(BookingReference reference, long messageId) {
		jdbc.update(TenantSql.of("update {t}.message set read_at = now() where id = ? and read_at is null"
				+ " and booking_id = (select id from {t}.booking where reference = ?)"), messageId, reference.value());
	}

	private Long bookingId(BookingReference reference) {
		return jdbc.query(TenantSql.of("select id from {t}.booking where reference = ?"), (rs, n) -> rs.getLong(1),
				reference.value()).stream().findFirst().orElseThrow(() -> new BookingRefused(Reason.UNKNOWN_BOOKING));
	}
}
