package it.sportello.core.tenancy;

import java.time.Duration;

/**
 * A job that finds its work through {@code platform.due_work}: its name there (the triggers of
 * {@code db/tenant/functions/due_work.sql} use the same), how long before the noted instant it is due (the reminders'
 * lead; zero for the others), and the query, in the Questura's schema ({@code {t}}), of the next instant it will have
 * work: null when nothing is pending.
 */
public record DueJob(String name, Duration lead, String nextDue) {

	public static DueJob of(String name, String nextDue) {
		return new DueJob(name, Duration.ZERO, nextDue);
	}
}
