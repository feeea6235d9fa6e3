package it.sportello.core.booking;

import java.time.Duration;
import java.util.List;

import it.sportello.core.event.DomainEvents;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.DueJob;
import it.sportello.core.tenancy.DueWork;
import it.sportello.core.tenancy.TenantSql;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides which bookings are reminded of their day. A booking is marked reminded by the same conditional update
 * that picks it, in the transaction that writes its event, so that it is reminded once however many nodes run this
 * at the same time.
 */
@Component
@EnableConfigurationProperties(BookingReminders.Properties.class)
public class BookingReminders {

	private final JdbcTemplate jdbc;

	private final AgendaTransactions transactions;

	private final DomainEvents events;

	private final DueWork dueWork;

	private final DueJob due;

	private final Properties properties;

	BookingReminders(JdbcTemplate jdbc, AgendaTransactions transactions, DomainEvents events, DueWork dueWork,
			Properties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.dueWork = dueWork;
		this.properties = properties;
		// the trigger notes the appointment, which the job reaches its lead before; it remembers the next one to remind
		long lead = properties.before().toSeconds();
		this.due = new DueJob("reminders", properties.before(), "select min(s.starts_at) from {t}.booking b"
				+ " join {t}.slot s on s.id = b.slot_id where b.status = 'BOOKED' and b.reminded_at is null"
				+ " and s.starts_at > now() and b.created_at < s.starts_at - make_interval(secs => " + lead + ")");
	}

	/** Marks the due bookings of the Questure that have any and writes their reminder events; returns how many. */
	public int remindDue() {
		return dueWork.run(due, this::remindDueHere);
	}

	/**
	 * The current Questura's due bookings: active, starting within the reminder's lead time, and booked before that
	 * lead time began (a booking made for tomorrow has just been confirmed; it needs no reminder).
	 */
	int remindDueHere() {
		String lead = properties.before().toSeconds() + " seconds";
		return transactions.execute(() -> {
			List<String> due = jdbc.queryForList(TenantSql.of("update {t}.booking b set reminded_at = now()"
					+ " from {t}.slot s where s.id = b.slot_id and b.status = 'BOOKED' and b.reminded_at is null"
					+ " and s.starts_at > now() and s.starts_at <= now() + ?::interval"
					+ " and b.created_at < s.starts_at - ?::interval returning b.reference"), String.class, lead, lead);
			due.forEach(reference -> events.append(new BookingReminderDue(TenantContext.getRequired().id(), reference)));
			return due.size();
		});
	}

	/**
	 * When people are reminded of their appointment.
	 * @param before how long before the appointment
	 */
	@ConfigurationProperties("sportello.reminders")
	public record Properties(@DefaultValue("2d") Duration before) {
	}
}
