package it.sportello.core.event;

import it.sportello.core.tenancy.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
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

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(DomainEvent event) {
		if (!event.tenant().equals(TenantContext.getRequired().id())) {
			throw new IllegalArgumentException("An event of " + event.tenant() + " in the work of another Questura");
		}
		jdbc.update("insert into platform.domain_event (tenant_slug, type, payload) values (?, ?, ?)",
				event.tenant().slug(), event.getClass().getName(), JSON.writeValueAsString(event));
	}
}
