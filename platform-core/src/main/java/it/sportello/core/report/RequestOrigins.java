package it.sportello.core.report;

import it.sportello.core.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records the client address a booking or a draw entry came from, for the abuse report's signals by address. */
@Component
public class RequestOrigins {

	private final JdbcTemplate jdbc;

	RequestOrigins(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** In the current Questura: the booking's reference or the entry's id, the account if any, the address. */
	public void record(String bookingReference, Long entryId, Long accountId, String address) {
		jdbc.update("insert into platform.request_origin (tenant_slug, booking_reference, entry_id, account_id, address)"
				+ " values (?, ?, ?, ?, ?)", TenantContext.getRequired().id().slug(), bookingReference, entryId, accountId,
				address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address);
	}
}
