package it.sportello.web.i18n;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Formats days and times of the office's data for the page's language. */
@Component("displayFormats")
public class DisplayFormats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	public String day(DayOfWeek day, Locale locale) {
		return day.getDisplayName(TextStyle.FULL, locale);
	}

	public String days(Collection<DayOfWeek> days, Locale locale) {
		return days.stream().sorted().map(day -> day(day, locale)).collect(Collectors.joining(", "));
	}

	public String span(LocalTime from, LocalTime to) {
		return TIME.format(from) + "–" + TIME.format(to);
	}
}
