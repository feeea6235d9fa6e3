package it.sportello.core.slot;

import it.sportello.core.tenancy.TenantSql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds a place of a slot aside (for an offer to the waiting list) without booking it: a held place counts against
 * capacity like a booked one, under the same guard and the same {@code CHECK}.
 */
@Component
public class SlotHolds {

	private final JdbcTemplate jdbc;

	SlotHolds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds one place if one is free; returns whether it did. */
	@Transactional
	public boolean hold(long slotId) {
		return jdbc.update(TenantSql.of("update {t}.slot set held = held + 1 where id = ? and booked + held < capacity"),
				slotId) == 1;
	}

	/** Gives a held place back; returns whether there was one. */
	@Transactional
	public boolean release(long slotId) {
		return jdbc.update(TenantSql.of("update {t}.slot set held = held - 1 where id = ? and held > 0"), slotId) == 1;
	}
}
