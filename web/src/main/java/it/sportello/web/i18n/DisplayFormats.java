package it.sportello.web.i18n;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Formats days and times of the office's data for the page's language, in the office's time zone. */
@Component("displayFormats")
public class DisplayFormats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	public String day(DayOfWeek day, Locale locale) {
		return day.getDisplayName(TextStyle.FULL, locale);
	}

	public String shortDay(DayOfWeek day, Locale locale) {
		return day.getDisplayName(TextStyle.SHORT, locale);
	}

	public String days(Collection<DayOfWeek> days, Locale locale) {
		return days.stream().sorted().map(day -> day(day, locale)).collect(Collectors.joining(", "));
	}

	public String span(LocalTime from, LocalTime to) {
		return TIME.format(from) + "–" + TIME.format(to);
	}

	/** A day in full: "lunedì 7 dicembre 2026". */
	public String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
	}

	/** The day and time of an appointment in the office's zone: "lunedì 7 dicembre 2026, 09:20". */
	public String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return date(instant.atZone(zone).toLocalDate(), locale) + ", " + time(instant, zone);
	}

	public String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}

	public String month(YearMonth month, Locale locale) {
		return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
	}
}
