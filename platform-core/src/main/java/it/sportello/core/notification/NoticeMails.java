package it.sportello.core.notification;

import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.core.account.AccountBookings.DrawResult;
import it.sportello.core.account.AccountBookings.OfferMail;
import it.sportello.core.mail.OutgoingMail;
import it.sportello.core.tenancy.Tenant;

/**
 * Writes the mails of booking notices in their person's language. The words, dates and calendar entry are written
 * where the pages' are (the application gives the writer); who gets which mail, and when, is decided here, by
 * {@link BookingNotices}.
 */
public interface NoticeMails {

	/**
	 * A mail to the person of the appointment.
	 * @param officeMessage the office's message, or empty
	 * @param reason the office's reason for a move or a cancellation, or empty
	 */
	OutgoingMail about(Appointment appointment, AppointmentNotice notice, String officeMessage, String reason);

	/** The draw's result, when it gave no appointment. */
	OutgoingMail drawResult(Tenant questura, DrawResult result);

	/** A place the waiting list offers. */
	OutgoingMail offer(Tenant questura, OfferMail offer);
}
