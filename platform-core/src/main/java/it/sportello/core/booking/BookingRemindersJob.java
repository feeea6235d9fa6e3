package it.sportello.core.booking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for bookings to remind every quarter of an hour, where any is due ({@code DueWork}); any node may, each booking
 * is reminded once.
 */
@Component
@ConditionalOnProperty(name = "sportello.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class BookingRemindersJob {

	private final BookingReminders reminders;

	BookingRemindersJob(BookingReminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(fixedDelayString = "${sportello.reminders.every:15m}")
	void remind() {
		reminders.remindDue();
	}
}
