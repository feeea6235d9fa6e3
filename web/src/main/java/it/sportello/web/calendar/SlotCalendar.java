package it.sportello.web.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import it.sportello.web.i18n.DisplayFormats;
import org.springframework.stereotype.Component;

/**
 * The calendar a person picks a time from: a month of days, the free ones as links, and the free times of the day
 * chosen. Plain links and radio buttons, so that it works with the keyboard and without JavaScript.
 */
@Component
public class SlotCalendar {

	/** How many months ahead the calendar lets a person look (the slot horizon is about two). */
	static final int MONTHS_AHEAD = 3;

	private final Availability availability;

	private final OfficeDirectory directory;

	private final DisplayFormats formats;

	SlotCalendar(Availability availability, OfficeDirectory directory, DisplayFormats formats) {
		this.availability = availability;
		this.directory = directory;
		this.formats = formats;
	}

	/**
	 * The month asked for (this month when none, or one out of range) and, when a day is chosen, its free times.
	 * Runs in the Questura's context.
	 */
	public View show(long practiceId, String month, String day, Locale locale) {
		ZoneId zone = directory.zone();
		LocalDate today = LocalDate.now(zone);
		YearMonth first = YearMonth.from(today);
		YearMonth shown = parseMonth(month, first);
		LocalDate chosen = parseDay(day);
		if (chosen != null && (chosen.isBefore(today) || !YearMonth.from(chosen).equals(shown))) {
			chosen = null;
		}
		Set<LocalDate> free = new HashSet<>(availability.freeDays(practiceId, shown));
		List<List<Day>> weeks = new ArrayList<>();
		List<Day> week = new ArrayList<>();
		LocalDate cursor = shown.atDay(1).with(DayOfWeek.MONDAY);
		if (cursor.isAfter(shown.atDay(1))) {
			cursor = cursor.minusWeeks(1);
		}
		while (!cursor.isAfter(shown.atEndOfMonth()) || week.size() % 7 != 0) {
			boolean inMonth = YearMonth.from(cursor).equals(shown);
			week.add(new Day(cursor, formats.date(cursor, locale), inMonth, inMonth && free.contains(cursor),
					cursor.equals(chosen)));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
			cursor = cursor.plusDays(1);
		}
		List<FreeSlot> times = chosen == null ? List.of() : availability.freeSlots(practiceId, chosen);
		List<Opening> later = availability.openingLater(practiceId, shown)
			.entrySet()
			.stream()
			.map(e -> new Opening(formats.date(e.getKey(), locale), formats.dateTime(e.getValue(), zone, locale)))
			.toList();
		return new View(shown, shown.isAfter(first) ? shown.minusMonths(1) : null,
				shown.isBefore(first.plusMonths(MONTHS_AHEAD - 1)) ? shown.plusMonths(1) : null, weeks, chosen, times,
				!free.isEmpty(), zone, later);
	}

	private static YearMonth parseMonth(String month, YearMonth first) {
		try {
			YearMonth parsed = month == null ? first : YearMonth.parse(month);
			return parsed.isBefore(first) || parsed.isAfter(first.plusMonths(MONTHS_AHEAD - 1)) ? first : parsed;
		}
		catch (RuntimeException ex) {
			return first;
		}
	}

	private static LocalDate parseDay(String day) {
		try {
			return day == null ? null : LocalDate.parse(day);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A month of the calendar.
	 * @param previous the month before, if the person may go there
	 * @param next the month after, if the person may go there
	 * @param weeks Monday to Sunday, with the days of the neighbouring months to fill them
	 * @param day the day chosen, if any
	 * @param times the free times of that day
	 * @param anyFree whether any day of the month has a free place
	 * @param openingLater the days of the month whose places are not open for booking yet
	 */
	public record View(YearMonth month, YearMonth previous, YearMonth next, List<List<Day>> weeks, LocalDate day,
			List<FreeSlot> times, boolean anyFree, ZoneId zone, List<Opening> openingLater) {
	}

	/** A day whose places open for booking later, and when. */
	public record Opening(String day, String opensAt) {
	}

	/** A day of the calendar. */
	public record Day(LocalDate date, String label, boolean inMonth, boolean free, boolean chosen) {
	}
}
