package it.sportello.core.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingOutcome.Entered;
import it.sportello.core.booking.BookingOutcome.EntryKind;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.person.PersonKey;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entries of a release's draw: a request made in the first moments after a day's slots opened is kept, with the
 * persons' keys (never their documents), until the draw decides it. One entry per person and per citizen account for
 * each release.
 */
@Component
public class ReleaseEntries {

	static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	ReleaseEntries(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Enters the request in the draw of the release, after the same checks a booking would pass first. */
	Entered enter(Instant release, BookingRequest request, List<PersonKey> keys) {
		boolean bookable = Boolean.TRUE.equals(jdbc.query(TenantSql.of("select p.active and s.service_line_id ="
				+ " p.service_line_id and s.starts_at > now() and {t}.may_book(p.bookable_by, ?)"
				+ " from {t}.practice p, {t}.slot s where p.id = ? and s.id = ?"), (rs, n) -> rs.getBoolean(1),
				request.channel().name(), request.practiceId(), request.slotId()).stream().findFirst().orElse(false));
		if (!bookable) {
			throw new BookingRefused(Reason.SLOT_NOT_BOOKABLE);
		}
		Entry entry = Entry.of(request, keys);
		List<Long> id = jdbc.queryForList(TenantSql.of("insert into {t}.release_entry (release_at, slot_id, practice_id,"
				+ " channel, account_id, association_id, holder_key, request) values (?, ?, ?, ?, ?, ?, ?, ?)"
				+ " on conflict do nothing returning id"), Long.class, Timestamp.from(release), request.slotId(),
				request.practiceId(), request.channel().name(), request.accountId(), request.associationId(),
				keys.get(0).value(), JSON.writeValueAsString(entry));
		if (id.isEmpty()) {
			throw new BookingRefused(Reason.ALREADY_ENTERED);
		}
		jdbc.query(TenantSql.of("select {t}.record_origin(?, null, ?, ?, ?)"), row -> {
		}, TenantContext.getRequired().id().slug(), id.get(0), request.accountId(), request.origin());
		audit.record(new AuditEntry(request.actor(), "ENTERED", request.channel().name(), null, keys.get(0).value(),
				null).with("release", release).with("slot", request.slotId()));
		return new Entered(id.get(0), EntryKind.RELEASE_DRAW);
	}

	/** An entry and what became of it. */
	public Optional<Decided> find(long id) {
		return jdbc.query(TenantSql.of("select id, status, booking_reference, outcome, request, release_at, account_id"
				+ " from {t}.release_entry where id = ?"), (rs, n) -> new Decided(rs.getLong(1), rs.getString(2),
						rs.getString(3), rs.getString(4), JSON.readValue(rs.getString(5), Entry.class),
						rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7)), id).stream().findFirst();
	}

	/** The account's entries in the current Questura, newest first. */
	public List<Decided> ofAccount(long accountId) {
		return jdbc.query(TenantSql.of("select id, status, booking_reference, outcome, request, release_at, account_id"
				+ " from {t}.release_entry where account_id = ? order by id desc limit 10"), (rs, n) -> new Decided(
						rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						JSON.readValue(rs.getString(5), Entry.class), rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7)),
				accountId);
	}

	/** An entry of a draw: its status (ENTERED, DRAWING, WON, WAITLISTED, LOST) and, once drawn, the outcome. */
	public record Decided(long id, String status, String bookingReference, String outcome, Entry request,
			Instant release, Long accountId) {
	}

	/** What an entry keeps of the request: everything but the documents, which only left their keys. */
	public record Entry(long practiceId, long slotId, Channel channel, Long accountId, Long associationId,
			List<EntryPerson> persons, String practiceNumber, String email, String phone, String language, String actor) {

		static Entry of(BookingRequest request, List<PersonKey> keys) {
			List<EntryPerson> persons = new ArrayList<>();
			for (int i = 0; i < keys.size(); i++) {
				PersonDetails person = request.persons().get(i);
				persons.add(new EntryPerson(keys.get(i).value(), person.fullName().strip(), person.minor(),
						person.nationality(), person.birthDate()));
			}
			return new Entry(request.practiceId(), request.slotId(), request.channel(), request.accountId(),
					request.associationId(), persons, request.practiceNumber(), request.email(), request.phone(),
					request.language(), request.actor());
		}

		BookingRequest toRequest(long slot) {
			return new BookingRequest(practiceId, slot, channel, accountId, associationId, persons.stream()
				.map(p -> new PersonDetails(p.fullName(), null, p.minor(), p.nationality(), p.birthDate()))
				.toList(), practiceNumber, email, phone, language, actor);
		}

		List<PersonKey> keys() {
			return persons.stream().map(p -> new PersonKey(p.key())).toList();
		}
	}

	/** A person of an entry, by key. */
	public record EntryPerson(String key, String fullName, boolean minor, String nationality, LocalDate birthDate) {
	}
}
