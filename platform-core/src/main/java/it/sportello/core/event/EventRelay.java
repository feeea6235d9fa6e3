package it.sportello.core.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox's pending events to the application's listeners, oldest first. An event whose listener fails
 * stays pending and is tried again on the next run; several nodes may run the relay, each event is taken by one
 * ({@code for update skip locked}).
 */
@Component
public class EventRelay {

	private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

	static final int BATCH = 100;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate transaction;

	private final DataSource dataSource;

	EventRelay(JdbcTemplate jdbc, ApplicationEventPublisher publisher, PlatformTransactionManager transactionManager,
			DataSource dataSource) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.transaction = new TransactionTemplate(transactionManager);
		this.dataSource = dataSource;
	}

	/** Delivers what is pending; returns how many events were delivered. */
	public int publishPending() {
		int delivered = 0;
		Batch batch;
		do {
			batch = transaction.execute(status -> publishBatch());
			delivered += batch.delivered();
		}
		// failed events stay pending: stop after a batch with failures instead of taking them again at once
		while (batch.taken() == BATCH && batch.delivered() == batch.taken());
		return delivered;
	}

	private Batch publishBatch() {
		List<Pending> pending = jdbc.query("select id, type, payload from platform.domain_event"
				+ " where published_at is null order by id limit ? for update skip locked",
				(rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)), BATCH);
		int delivered = 0;
		for (Pending event : pending) {
			// a savepoint per event: a listener whose SQL fails spoils its own delivery, not the rest of the batch
			Connection connection = DataSourceUtils.getConnection(dataSource);
			Savepoint savepoint = savepoint(connection);
			try {
				publisher.publishEvent(event.read());
				jdbc.update("update platform.domain_event set published_at = now(), attempts = attempts + 1,"
						+ " last_error = null where id = ?", event.id());
				delivered++;
			}
			catch (RuntimeException ex) {
				rollbackTo(connection, savepoint);
				log.warn("Delivery of event {} ({}) failed; it stays pending", event.id(), event.type(), ex);
				jdbc.update("update platform.domain_event set attempts = attempts + 1, last_error = ? where id = ?",
						String.valueOf(ex.getMessage()), event.id());
			}
		}
		return new Batch(pending.size(), delivered);
	}

	private static Savepoint savepoint(Connection connection) {
		try {
			return connection.setSavepoint();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The relay needs savepoints", ex);
		}
	}

	private static void rollbackTo(Connection connection, Savepoint savepoint) {
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The relay could not roll back a failed delivery", ex);
		}
	}

	private record Batch(int taken, int delivered) {
	}

	private record Pending(long id, String type, String payload) {

		Object read() {
			try {
				return DomainEvents.JSON.readValue(payload, Class.forName(type));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException("Unknown event type " + type, ex);
			}
		}
	}
}
