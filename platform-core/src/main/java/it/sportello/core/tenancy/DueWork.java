package it.sportello.core.tenancy;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a job's work only in the active Questure where {@code platform.due_work} says it is due: one query finds them,
 * however many Questure there are, so a run with nothing due costs one statement. Each Questura is claimed for a lease
 * (another node skips it; if this node dies, another takes it when the lease ends), worked as that Questura, and given
 * its next due instant. One that fails is logged and does not stop the others. Returns the sum of what the work counted.
 */
@Component
public class DueWork {

	/** Longer than a job's work in one Questura takes; the jobs are safe to run twice, so this only saves effort. */
	static final Duration LEASE = Duration.ofMinutes(2);

	/** Longer than a booking's transaction may wait for a lock (sportello.booking.lock-timeout) and commit. */
	public static final Duration LOOK_AGAIN = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(DueWork.class);

	private final JdbcTemplate jdbc;

	DueWork(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public int run(DueJob job, Supplier<Integer> work) {
		String lead = job.lead().toSeconds() + " seconds";
		List<CurrentTenant> due = jdbc.query("select t.slug, t.schema_name from platform.due_work d"
				+ " join platform.tenant t on t.schema_name = d.schema_name where d.job = ? and t.status = 'ACTIVE'"
				+ " and (d.leased_until is null and d.due_at <= now() + ?::interval or d.leased_until <= now())",
				(rs, n) -> new CurrentTenant(new TenantId(rs.getString(1)), rs.getString(2)), job.name(), lead);
		int total = 0;
		for (CurrentTenant tenant : due) {
			try {
				total += TenantContext.callAs(tenant, () -> runHere(job, lead, work));
			}
			catch (RuntimeException ex) {
				log.error("{} failed in {}", job.name(), tenant.id(), ex);
			}
		}
		return total;
	}

	private int runHere(DueJob job, String lead, Supplier<Integer> work) {
		String schema = TenantContext.getRequired().schema();
		// infinity while the work runs: whatever is written meanwhile lowers it, and is kept below
		List<Timestamp> lease = jdbc.queryForList("update platform.due_work set due_at = 'infinity', leased_until = now()"
				+ " + ?::interval where schema_name = ? and job = ? and (leased_until is null and due_at <= now()"
				+ " + ?::interval or leased_until <= now()) returning leased_until", Timestamp.class,
				LEASE.toSeconds() + " seconds", schema, job.name(), lead);
		if (lease.isEmpty()) {
			return 0; // another node took it
		}
		boolean didWork = true;
		try {
			int done = work.get();
			didWork = done > 0;
			return done;
		}
		finally {
			// A writer whose note found the row already due, and which commits after this run looked, is in no
			// snapshot of it: after a run that found work, look once more a few seconds later (a booking's
			// transaction waits at most its lock timeout), until a look finds nothing. Only the lease this run took
			// is given back: a node whose lease ran out must not free another node's.
			// (due_at is the instant of the work; the job looks its lead before it)
			jdbc.update(TenantSql.of("update platform.due_work set due_at = least(due_at, n.next, case when ? then now()"
					+ " + ?::interval + ?::interval end), leased_until = null from (select coalesce((" + job.nextDue()
					+ "), 'infinity'::timestamptz) as next) n where schema_name = ? and job = ? and leased_until = ?"),
					didWork, LOOK_AGAIN.toSeconds() + " seconds", lead, schema, job.name(), lease.get(0));
		}
	}
}
