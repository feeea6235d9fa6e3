package it.sportello.core.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import it.sportello.core.tenancy.SidePools;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on {@code sportello_changes}, where the database's triggers name the schema whose public data a commit
 * changed (on whichever node it was made), and makes this node's read caches forget it. While the listening
 * connection is lost the caches' time-to-live bounds staleness; once it is back, everything is forgotten once, since
 * notifications sent in between are gone.
 */
@Component
class ChangeNotices implements SmartLifecycle {

	static final String CHANNEL = "sportello_changes";

	private static final Logger log = LoggerFactory.getLogger(ChangeNotices.class);

	private static final Duration RETRY = Duration.ofSeconds(2);

	private final DataSource dataSource;

	private final Generations generations;

	private volatile Thread listener;

	private volatile boolean listening;

	private HikariDataSource own;

	ChangeNotices(DataSource dataSource, Generations generations) {
		this.dataSource = dataSource;
		this.generations = generations;
	}

	/** Whether the node hears of changes now (else the time-to-live alone bounds what it shows). */
	boolean isListening() {
		return listening;
	}

	@Override
	public void start() {
		own = SidePools.beside(dataSource, "change-notices", 1, null).orElse(null);
		Thread thread = new Thread(this::listen, "change-notices");
		thread.setDaemon(true);
		listener = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = listener;
		listener = null;
		if (thread != null) {
			thread.interrupt();
		}
		if (own != null) {
			own.close();
		}
	}

	@Override
	public boolean isRunning() {
		return listener != null;
	}

	private void listen() {
		while (listener == Thread.currentThread()) {
			try (Connection connection = listeningConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				listening = true;
				generations.changedEverywhere();
				while (listener == Thread.currentThread()) {
					PGNotification[] received = notifications.getNotifications(1000);
					if (received != null) {
						for (PGNotification notification : received) {
							generations.changed(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (listener == Thread.currentThread()) {
					log.warn("Not hearing of changes (the caches' time-to-live bounds staleness): {}", ex.toString());
				}
			}
			listening = false;
			pause();
		}
	}

	/**
	 * A connection of its own, outside the requests' pool, made like its connections (a pool that is not Hikari lends
	 * one). It needs a session of its own: behind a transaction-mode PgBouncer LISTEN hears nothing, so point it at
	 * PostgreSQL itself.
	 */
	private Connection listeningConnection() throws SQLException {
		return own == null ? dataSource.getConnection() : own.getConnection();
	}

	private void pause() {
		try {
			Thread.sleep(RETRY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			listener = null;
		}
	}
}
