package it.sportello.core.notification;

import java.util.Optional;
import java.util.function.Function;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.core.booking.BookingCancelled;
import it.sportello.core.booking.BookingMade;
import it.sportello.core.booking.BookingMoved;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingReminderDue;
import it.sportello.core.booking.ConfirmationRequested;
import it.sportello.core.booking.DrawDecided;
import it.sportello.core.booking.WaitingOfferMade;
import it.sportello.core.mail.Mailer;
import it.sportello.core.mail.OutgoingMail;
import it.sportello.core.message.Message;
import it.sportello.core.message.MessageSent;
import it.sportello.core.tenancy.TenantId;
import it.sportello.core.tenancy.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person of a booking what happened to it, by e-mail in the language they booked in: booked (with the
 * calendar entry), moved, cancelled, a message from the office, the request to confirm and the reminder before the
 * day; and the person of a draw entry or a waiting-list offer. Listens to the durable events of the outbox: when the
 * SMTP server is down the send fails, the event stays pending and the mail goes out on a later run. A person who
 * gave no e-mail is told nothing. Without a {@link NoticeMails} writer (platform-core alone, in its tests) nothing is
 * sent.
 */
@Component
class BookingNotices {

	private static final Logger log = LoggerFactory.getLogger(BookingNotices.class);

	private final Tenants tenants;

	private final AccountBookings bookings;

	private final Mailer mailer;

	private final ObjectProvider<NoticeMails> writers;

	BookingNotices(Tenants tenants, AccountBookings bookings, Mailer mailer, ObjectProvider<NoticeMails> writers) {
		this.tenants = tenants;
		this.bookings = bookings;
		this.mailer = mailer;
		this.writers = writers;
	}

	@EventListener
	void booked(BookingMade event) {
		tell(event.tenant(), event.reference(), AppointmentNotice.BOOKED, "");
	}

	@EventListener
	void moved(BookingMoved event) {
		tell(event.tenant(), event.reference(), AppointmentNotice.MOVED, event.reason());
	}

	@EventListener
	void cancelled(BookingCancelled event) {
		tell(event.tenant(), event.reference(), AppointmentNotice.CANCELLED, event.reason());
	}

	@EventListener
	void confirmationRequested(ConfirmationRequested event) {
		tell(event.tenant(), event.reference(), AppointmentNotice.CONFIRM, "");
	}

	@EventListener
	void reminder(BookingReminderDue event) {
		tell(event.tenant(), event.reference(), AppointmentNotice.REMINDER, "");
	}

	@EventListener
	void message(MessageSent event) {
		send(writer -> appointment(event.tenant(), event.reference()).flatMap(a -> a.messages()
			.stream()
			.filter(m -> m.id() == event.messageId())
			.map(Message::body)
			.findFirst()
			.map(body -> writer.about(a, AppointmentNotice.MESSAGE, body, ""))));
	}

	/** The draw's result when it gave no appointment (one it gave is told by the booking's confirmation). */
	@EventListener
	void drawn(DrawDecided event) {
		send(writer -> tenants.findBySlug(event.tenant().slug())
			.flatMap(questura -> bookings.drawResult(questura, event.entryId())
				.filter(r -> !"WON".equals(r.status()) && given(r.email()))
				.map(r -> writer.drawResult(questura, r))));
	}

	/** A freed place is offered to a person on the waiting list: they accept it from their page. */
	@EventListener
	void offered(WaitingOfferMade event) {
		send(writer -> tenants.findBySlug(event.tenant().slug())
			.flatMap(questura -> bookings.offer(questura, event.waitingEntryId())
				.filter(o -> given(o.email()))
				.map(o -> writer.offer(questura, o))));
	}

	private void tell(TenantId tenant, String reference, AppointmentNotice notice, String reason) {
		String given = reason == null || reason.isBlank() ? "" : reason;
		send(writer -> appointment(tenant, reference).filter(notice::concerns)
			.map(a -> writer.about(a, notice, "", given)));
	}

	/** Sends the mail the writer writes, if any: nobody to tell, nothing written. */
	private void send(Function<NoticeMails, Optional<OutgoingMail>> write) {
		writers.ifAvailable(writer -> write.apply(writer).ifPresent(mailer::send));
	}

	/** The booking, if it has an e-mail to tell. */
	private Optional<Appointment> appointment(TenantId tenant, String reference) {
		Optional<Appointment> found = tenants.findBySlug(tenant.slug())
			.flatMap(questura -> bookings.appointment(questura, new BookingReference(reference)));
		if (found.isEmpty()) {
			log.info("No booking {} in {}: nobody to tell", reference, tenant.slug());
		}
		return found.filter(a -> given(a.booking().email()));
	}

	private static boolean given(String email) {
		return email != null && !email.isBlank();
	}
}
