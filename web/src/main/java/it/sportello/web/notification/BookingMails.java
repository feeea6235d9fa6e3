package it.sportello.web.notification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.sportello.core.mail.PublicLinks;
import it.sportello.core.booking.BookingCancelled;
import it.sportello.core.booking.BookingMade;
import it.sportello.core.booking.BookingMoved;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingReminderDue;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.DrawDecided;
import it.sportello.core.mail.Mailer;
import it.sportello.core.mail.OutgoingMail;
import it.sportello.core.message.Message;
import it.sportello.core.message.MessageSent;
import it.sportello.core.tenancy.TenantId;
import it.sportello.core.tenancy.Tenants;
import it.sportello.web.receipt.AppointmentTexts;
import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.Appointment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person of a booking what happened to it, by e-mail in the language they booked in: booked (with the
 * calendar entry), moved, cancelled, a message from the office, and the reminder before the day. Listens to the
 * durable events of the outbox: when the SMTP server is down the send fails, the event stays pending and the mail
 * goes out on a later run.
 */
@Component
class BookingMails {

	private static final Logger log = LoggerFactory.getLogger(BookingMails.class);

	private final Tenants tenants;

	private final AccountBookings bookings;

	private final AppointmentTexts texts;

	private final Mailer mailer;

	private final PublicLinks links;

	private final it.sportello.web.i18n.DisplayFormats formats;

	BookingMails(Tenants tenants, AccountBookings bookings, AppointmentTexts texts, Mailer mailer,
			PublicLinks links, it.sportello.web.i18n.DisplayFormats formats) {
		this.formats = formats;
		this.tenants = tenants;
		this.bookings = bookings;
		this.texts = texts;
		this.mailer = mailer;
		this.links = links;
	}

	@EventListener
	void booked(BookingMade event) {
		appointment(event.tenant(), event.reference()).ifPresent(a -> send(a, "mail.booked", true, "", ""));
	}

	@EventListener
	void moved(BookingMoved event) {
		appointment(event.tenant(), event.reference())
			.ifPresent(a -> send(a, "mail.moved", true, "", reason(event.reason())));
	}

	@EventListener
	void cancelled(BookingCancelled event) {
		appointment(event.tenant(), event.reference())
			.ifPresent(a -> send(a, "mail.cancelled", false, "", reason(event.reason())));
	}

	@EventListener
	void confirmationRequested(it.sportello.core.booking.ConfirmationRequested event) {
		appointment(event.tenant(), event.reference())
			.filter(a -> a.booking().status() == BookingStatus.BOOKED)
			.ifPresent(a -> send(a, "mail.confirm", false, "", ""));
	}

	@EventListener
	void reminder(BookingReminderDue event) {
		appointment(event.tenant(), event.reference())
			.filter(a -> a.booking().status() == BookingStatus.BOOKED)
			.ifPresent(a -> send(a, "mail.reminder", true, "", ""));
	}

	/** The draw's result when it gave no appointment (one it gave is told by the booking's confirmation). */
	@EventListener
	void drawn(DrawDecided event) {
		tenants.findBySlug(event.tenant().slug()).ifPresent(questura -> bookings.drawResult(questura, event.entryId())
			.filter(r -> !"WON".equals(r.status()) && r.email() != null && !r.email().isBlank())
			.ifPresent(r -> {
				Locale locale = Locale.forLanguageTag(r.language());
				Object[] args = { r.holder(), questura.getName(), r.practice(), links.base() + "/me" };
				mailer.send(new OutgoingMail(r.email(), texts.message("mail.draw." + r.status() + ".subject", locale, args),
						texts.message("mail.draw." + r.status() + ".body", locale, args), locale.getLanguage(), List.of()));
			}));
	}

	/** A freed place is offered to a person on the waiting list: they accept it from their page. */
	@EventListener
	void offered(it.sportello.core.booking.WaitingOfferMade event) {
		tenants.findBySlug(event.tenant().slug()).ifPresent(questura -> bookings.offer(questura, event.waitingEntryId())
			.filter(o -> o.email() != null && !o.email().isBlank())
			.ifPresent(o -> {
				Locale locale = Locale.forLanguageTag(o.language());
				Object[] args = { o.holder(), questura.getName(), o.practice(), links.base() + "/me",
						formats.dateTime(o.startsAt(), java.time.ZoneId.of("Europe/Rome"), locale),
						formats.dateTime(o.expiresAt(), java.time.ZoneId.of("Europe/Rome"), locale) };
				mailer.send(new OutgoingMail(o.email(), texts.message("mail.offer.subject", locale, args),
						texts.message("mail.offer.body", locale, args), locale.getLanguage(), List.of()));
			}));
	}

	@EventListener
	void message(MessageSent event) {
		appointment(event.tenant(), event.reference()).ifPresent(a -> a.messages()
			.stream()
			.filter(m -> m.id() == event.messageId())
			.map(Message::body)
			.findFirst()
			.ifPresent(body -> send(a, "mail.message", false, body, "")));
	}

	private Optional<Appointment> appointment(TenantId tenant, String reference) {
		Optional<Appointment> found = tenants.findBySlug(tenant.slug())
			.flatMap(questura -> bookings.appointment(questura, new BookingReference(reference)));
		if (found.isEmpty()) {
			log.info("No booking {} in {}: nobody to tell", reference, tenant.slug());
		}
		return found.filter(a -> a.booking().email() != null && !a.booking().email().isBlank());
	}

	/**
	 * The arguments of every mail's texts: {0} the holder, {1} the Questura, {2} the day and time, {3} the site and its
	 * address, {4} the practice, {5} the reference, {6} the documents to bring, {7} the person's page, {8} the office's
	 * message, {9} the office's reason, as a sentence, or nothing.
	 */
	private void send(Appointment a, String kind, boolean withCalendar, String officeMessage, String reason) {
		Locale locale = Locale.forLanguageTag(a.booking().language());
		Object[] args = { a.booking().persons().get(0).fullName(), a.questura().getName(), texts.when(a, locale),
				texts.site(a, locale), texts.practice(a, locale), a.booking().reference().value(),
				texts.documentLines(a, locale), links.base() + "/me", officeMessage,
				reason.isEmpty() ? "" : texts.message("mail.reason", locale, reason) };
		List<OutgoingMail.Attachment> attachments = withCalendar
				? List.of(new OutgoingMail.Attachment("sportello-" + a.booking().reference().value() + ".ics",
						"text/calendar; charset=UTF-8", texts.calendarEntry(a, locale)))
				: List.of();
		mailer.send(new OutgoingMail(a.booking().email(), texts.message(kind + ".subject", locale, args),
				texts.message(kind + ".body", locale, args), locale.getLanguage(), attachments));
	}

	private static String reason(String reason) {
		return reason == null || reason.isBlank() ? "" : reason;
	}
}
