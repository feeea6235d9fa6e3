package it.sportello.core.event;

import it.sportello.core.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes domain events into the outbox table in the transaction of the change they describe: the event exists if
 * and only if the change committed. {@link EventRelay} delivers them afterwards.
 */
@Component
public class DomainEvents {

	static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final JdbcTemplate jdbc;

	DomainEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Appends the event in the caller's transaction, which must exist. */
	public void append(DomainEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A domain event is written in the transaction of its change");
		}
		Serialized serialized = serialize(event);
		jdbc.update("insert into platform.domain_event (tenant_slug, type, payload) values (?, ?, ?)",
				event.tenant().slug(), serialized.type(), serialized.payload());
	}

	/** The event as the outbox stores it, for a statement that writes it itself (the booking function). */
	public Serialized serialize(DomainEvent event) {
		if (!event.tenant().equals(TenantContext.getRequired().id())) {
			throw new IllegalArgumentException("An event of " + event.tenant() + " in the work of another Questura");
		}
		return new Serialized(event.getClass().getName(), JSON.writeValueAsString(event));
	}

	/** An event's type and JSON payload, as the relay reads them back. */
	public record Serialized(String type, String payload) {
	}
}
