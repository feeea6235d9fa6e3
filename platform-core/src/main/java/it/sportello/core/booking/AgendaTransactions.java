package it.sportello.core.booking;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import it.sportello.core.booking.BookingRefused.Reason;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the agenda: plain JDBC transactions (PostgreSQL's default READ COMMITTED) on the pool, with
 * no JPA session around them, since every statement of the engine names its schema; and a lock wait of a few seconds
 * at most, after which the person is told to try again instead of waiting on a crowd.
 */
@Component
@EnableConfigurationProperties(AgendaTransactions.Properties.class)
class AgendaTransactions {

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final String lockTimeout;

	private final String setLockTimeout;

	AgendaTransactions(DataSource dataSource, JdbcTemplate jdbc, Properties properties) {
		// not a bean: Spring Boot's JPA transaction manager stays the application's default
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.jdbc = jdbc;
		this.lockTimeout = properties.lockTimeout().toMillis() + "ms";
		this.setLockTimeout = "set local lock_timeout = '" + lockTimeout + "'";
	}

	public <T> T execute(Supplier<T> work) {
		try {
			return transaction.execute(status -> {
				jdbc.execute(setLockTimeout);
				return work.get();
			});
		}
		catch (DataAccessException ex) {
			throw translated(ex);
		}
	}

	/** Runs work that is a single statement, committed on its own, and sets its lock timeout itself. */
	public <T> T autoCommitted(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DataAccessException ex) {
			throw translated(ex);
		}
	}

	/** The lock timeout, as PostgreSQL writes it. */
	public String lockTimeout() {
		return lockTimeout;
	}

	private static RuntimeException translated(DataAccessException ex) {
		if (ex instanceof PessimisticLockingFailureException || isLockFailure(ex)) {
			// a lock wait past the timeout, or a deadlock PostgreSQL broke: nothing was written
			return new BookingRefused(Reason.TRY_AGAIN);
		}
		return ex;
	}

	/** PostgreSQL's lock_not_available (55P03) and deadlock_detected (40P01). */
	private static boolean isLockFailure(DataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Settings of the agenda's transactions.
	 * @param lockTimeout the longest a request waits for a row another request holds
	 */
	@ConfigurationProperties("sportello.booking")
	public record Properties(@DefaultValue("3s") Duration lockTimeout) {
	}
}
