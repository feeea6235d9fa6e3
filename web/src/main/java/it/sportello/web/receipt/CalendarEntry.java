package it.sportello.web.receipt;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import it.sportello.core.booking.BookingView;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The appointment as an iCalendar file (.ics), which puts it in the person's calendar. Times in UTC. */
public final class CalendarEntry {

	public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";

	private CalendarEntry() {
	}

	/**
	 * @param summary the event's title, in the person's language
	 * @param description what to bring and the reference, in the person's language
	 */
	static byte[] of(BookingView booking, String questuraSlug, String summary, String description) {
		VEvent event = new VEvent(booking.startsAt(), booking.endsAt(), summary);
		event.add(new Uid(booking.reference().value() + "@" + questuraSlug + ".sportello"));
		event.add(new Location(booking.siteAddress()));
		event.add(new Description(description));
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Sportello//Appuntamenti//IT"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(event);
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter().output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}
}
