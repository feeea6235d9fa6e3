package it.sportello.web.receipt;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.web.i18n.DisplayFormats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of an appointment in one language, for what leaves the page: the e-mails, the calendar entry and the PDF
 * receipt. Catalogue texts in that language where the office has them, else in Italian.
 */
@Component
public class AppointmentTexts {

	private final MessageSource messages;

	private final DisplayFormats formats;

	AppointmentTexts(MessageSource messages, DisplayFormats formats) {
		this.messages = messages;
		this.formats = formats;
	}

	public String message(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}

	public String when(Appointment mine, Locale locale) {
		return formats.dateTime(mine.booking().startsAt(), mine.zone(), locale);
	}

	public String practice(Appointment mine, Locale locale) {
		return mine.practice().getName().in(locale).text();
	}

	public String site(Appointment mine, Locale locale) {
		return mine.booking().siteName().in(locale).text() + ", " + mine.booking().siteAddress();
	}

	List<String> documents(Appointment mine, Locale locale) {
		return mine.practice().getDocuments().stream().map(d -> d.in(locale).text()).toList();
	}

	/** The documents as a list of lines for a plain-text mail or calendar entry. */
	public String documentLines(Appointment mine, Locale locale) {
		return documents(mine, locale).stream().map(d -> "- " + d).collect(Collectors.joining("\n"));
	}

	/** The calendar entry of the booking in the person's language. */
	public byte[] calendarEntry(Appointment mine, Locale locale) {
		String summary = message("ics.summary", locale, mine.questura().getName(), practice(mine, locale));
		String description = message("ics.description", locale, mine.booking().reference().value(),
				documentLines(mine, locale));
		return CalendarEntry.of(mine.booking(), mine.questura().getSlug(), summary, description);
	}
}
