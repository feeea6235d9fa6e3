package it.sportello.core.cache;

import it.sportello.core.tenancy.CurrentTenant;
import it.sportello.core.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Forgets this node's cached reads of a Questura as soon as one of its changes commits here, without waiting for the
 * notification the database sends every node: whoever saved the office's hours sees them on the next page. Listens to
 * the application's (JPA) transactions, where the office, the catalogue and the registry change; the agenda's own
 * JDBC transactions (bookings) are not among them, and their free places are bounded by the availability time-to-live.
 */
@Component
class CommittedChanges implements TransactionExecutionListener {

	private final Generations generations;

	CommittedChanges(Generations generations) {
		this.generations = generations;
	}

	@Override
	public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
		if (commitFailure == null && !transaction.isReadOnly()) {
			generations.changed(TenantContext.find().map(CurrentTenant::schema).orElse(ReadCaches.PLATFORM));
		}
	}
}
