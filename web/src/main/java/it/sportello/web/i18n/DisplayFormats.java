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

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formats days and times of the office's data for the page's language, in the office's time zone. */
@Component("displayFormats")
public class DisplayFormats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final String LEFT_TO_RIGHT_ISOLATE = "\u2066";

	private static final String POP_ISOLATE = "\u2069";

	public String day(DayOfWeek day, Locale locale) {
		return day.getDisplayName(TextStyle.FULL, locale);
	}

	/** The day for a calendar's column; Arabic's short names are the full ones, so its one-letter names. */
	public String shortDay(DayOfWeek day, Locale locale) {
		return day.getDisplayName(rightToLeft(locale) ? TextStyle.NARROW : TextStyle.SHORT, locale);
	}

	public String days(Collection<DayOfWeek> days, Locale locale) {
		return days.stream().sorted().map(day -> day(day, locale)).collect(Collectors.joining(comma(locale)));
	}

	/** Parts of one statement, each after a comma of the language ("lunedì, 08:00", "الاثنين، 08:00"). */
	public String list(Locale locale, String... parts) {
		return String.join(comma(locale), parts);
	}

	private static String comma(Locale locale) {
		return "ar".equals(locale.getLanguage()) ? "، " : ", ";
	}

	/**
	 * From one time to another, "08:30–12:30". On a right-to-left page the span is isolated left to right, or the
	 * page's direction would show it as "12:30–08:30".
	 */
	public String span(LocalTime from, LocalTime to) {
		String span = TIME.format(from) + "–" + TIME.format(to);
		return rightToLeft(LocaleContextHolder.getLocale()) ? LEFT_TO_RIGHT_ISOLATE + span + POP_ISOLATE : span;
	}

	/** The span of an appointment in the office's zone. */
	public String span(Instant from, Instant to, ZoneId zone) {
		return span(from.atZone(zone).toLocalTime(), to.atZone(zone).toLocalTime());
	}

	private static boolean rightToLeft(Locale locale) {
		return "ar".equals(locale.getLanguage());
	}

	/** A day in full: "lunedì 7 dicembre 2026". */
	public String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
	}

	/** The day and time of an appointment in the office's zone: "lunedì 7 dicembre 2026, 09:20". */
	public String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return list(locale, date(instant.atZone(zone).toLocalDate(), locale), time(instant, zone));
	}

	public String time(Instant instant, ZoneId zone) {
		return TIME.format(instant.atZone(zone));
	}

	public String month(YearMonth month, Locale locale) {
		return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + month.getYear();
	}
}
