package it.sportello.core.booking;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import it.sportello.core.booking.BookingRefused.Reason;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of the agenda: READ COMMITTED, and a lock wait of a few seconds at most, after which the person
 * is told to try again instead of waiting on a crowd.
 */
@Component
@EnableConfigurationProperties(AgendaTransactions.Properties.class)
public class AgendaTransactions {

	private final TransactionTemplate transaction;

	private final JdbcTemplate jdbc;

	private final String lockTimeout;

	AgendaTransactions(PlatformTransactionManager transactionManager, JdbcTemplate jdbc, Properties properties) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.jdbc = jdbc;
		this.lockTimeout = "set local lock_timeout = '" + properties.lockTimeout().toMillis() + "ms'";
	}

	public <T> T execute(Supplier<T> work) {
		try {
			return transaction.execute(status -> {
				jdbc.execute(lockTimeout);
				return work.get();
			});
		}
		catch (DataAccessException ex) {
			if (ex instanceof PessimisticLockingFailureException || isLockFailure(ex)) {
				// a lock wait past the timeout, or a deadlock PostgreSQL broke: nothing was written
				throw new BookingRefused(Reason.TRY_AGAIN);
			}
			throw ex;
		}
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
