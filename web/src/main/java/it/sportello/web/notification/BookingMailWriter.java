package it.sportello.web.notification;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.core.account.AccountBookings.DrawResult;
import it.sportello.core.account.AccountBookings.OfferMail;
import it.sportello.core.mail.OutgoingMail;
import it.sportello.core.mail.PublicLinks;
import it.sportello.core.notification.AppointmentNotice;
import it.sportello.core.notification.NoticeMails;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.i18n.DisplayFormats;
import it.sportello.web.receipt.AppointmentTexts;
import it.sportello.web.receipt.CalendarEntry;
import org.springframework.stereotype.Component;

/**
 * Writes the booking mails that core's notices decide to send, with the words, dates and calendar entry of the pages
 * and receipts (which live here, in web: the message bundles, the display formats, iCalendar).
 */
@Component
class BookingMailWriter implements NoticeMails {

	/** The zone of the waiting list's offers: the Questure's. */
	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final AppointmentTexts texts;

	private final DisplayFormats formats;

	private final PublicLinks links;

	BookingMailWriter(AppointmentTexts texts, DisplayFormats formats, PublicLinks links) {
		this.texts = texts;
		this.formats = formats;
		this.links = links;
	}

	/**
	 * The arguments of every mail's texts: {0} the holder, {1} the Questura, {2} the day and time, {3} the site and its
	 * address, {4} the practice, {5} the reference, {6} the documents to bring, {7} the person's page, {8} the office's
	 * message, {9} the office's reason, as a sentence, or nothing.
	 */
	@Override
	public OutgoingMail about(Appointment a, AppointmentNotice notice, String officeMessage, String reason) {
		Locale locale = Locale.forLanguageTag(a.booking().language());
		Object[] args = { a.booking().persons().get(0).fullName(), a.questura().getName(), texts.when(a, locale),
				texts.site(a, locale), texts.practice(a, locale), a.booking().reference().value(),
				texts.documentLines(a, locale), links.to("/me"), officeMessage,
				reason.isEmpty() ? "" : texts.message("mail.reason", locale, reason) };
		List<OutgoingMail.Attachment> attachments = notice.withCalendar()
				? List.of(new OutgoingMail.Attachment("sportello-" + a.booking().reference().value() + ".ics",
						CalendarEntry.CONTENT_TYPE, texts.calendarEntry(a, locale)))
				: List.of();
		return mail(a.booking().email(), notice.key(), locale, args, attachments);
	}

	@Override
	public OutgoingMail drawResult(Tenant questura, DrawResult r) {
		Locale locale = Locale.forLanguageTag(r.language());
		Object[] args = { r.holder(), questura.getName(), r.practice(), links.to("/me") };
		return mail(r.email(), "mail.draw." + r.status(), locale, args, List.of());
	}

	@Override
	public OutgoingMail offer(Tenant questura, OfferMail o) {
		Locale locale = Locale.forLanguageTag(o.language());
		Object[] args = { o.holder(), questura.getName(), o.practice(), links.to("/me"),
				formats.dateTime(o.startsAt(), ROME, locale), formats.dateTime(o.expiresAt(), ROME, locale) };
		return mail(o.email(), "mail.offer", locale, args, List.of());
	}

	private OutgoingMail mail(String to, String key, Locale locale, Object[] args,
			List<OutgoingMail.Attachment> attachments) {
		return new OutgoingMail(to, texts.message(key + ".subject", locale, args),
				texts.message(key + ".body", locale, args), locale.getLanguage(), attachments);
	}
}
