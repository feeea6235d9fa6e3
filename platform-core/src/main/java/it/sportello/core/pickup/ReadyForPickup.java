package it.sportello.core.pickup;

import java.util.Locale;
import java.util.Optional;

import it.sportello.core.person.PersonKey;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current Questura's list of permits ready for pick-up ("in consegna"): a pick-up booked by a person or an
 * association needs its practice number on it.
 */
@Component
public class ReadyForPickup {

	private final JdbcTemplate jdbc;

	ReadyForPickup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a practice number, optionally tied to its holder; returns false if it was already there. */
	@Transactional
	public boolean add(String practiceNumber, Optional<PersonKey> holder) {
		String number = normalise(practiceNumber);
		if (number.isEmpty()) {
			throw new IllegalArgumentException("A practice number is required");
		}
		return jdbc.update(TenantSql.of("insert into {t}.ready_for_pickup (practice_number, person_key) values (?, ?)"
				+ " on conflict (practice_number) do nothing"), number, holder.map(PersonKey::value).orElse(null)) == 1;
	}

	/** Practice numbers are compared without spaces and in upper case, as they are typed from letters. */
	public static String normalise(String practiceNumber) {
		return practiceNumber == null ? "" : practiceNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}
}
