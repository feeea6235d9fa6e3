package it.sportello.core.notification;

import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.core.booking.BookingStatus;

/**
 * A mail to the person of a booking about it: its texts' key, whether it carries the calendar entry, and whether it
 * goes only while the booking is still booked (a request to confirm, or a reminder, of a cancelled booking says
 * nothing true).
 */
public enum AppointmentNotice {

	BOOKED("mail.booked", true, false),

	MOVED("mail.moved", true, false),

	CANCELLED("mail.cancelled", false, false),

	CONFIRM("mail.confirm", false, true),

	REMINDER("mail.reminder", true, true),

	MESSAGE("mail.message", false, false);

	private final String key;

	private final boolean withCalendar;

	private final boolean whileBooked;

	AppointmentNotice(String key, boolean withCalendar, boolean whileBooked) {
		this.key = key;
		this.withCalendar = withCalendar;
		this.whileBooked = whileBooked;
	}

	/** The key of the mail's texts: {@code .subject} and {@code .body} follow it. */
	public String key() {
		return key;
	}

	public boolean withCalendar() {
		return withCalendar;
	}

	/** Whether the notice still concerns the appointment as it is now. */
	boolean concerns(Appointment appointment) {
		return !whileBooked || appointment.booking().status() == BookingStatus.BOOKED;
	}
}
