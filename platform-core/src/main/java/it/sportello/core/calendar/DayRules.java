package it.sportello.core.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;

/**
 * Which days of a range an office is closed and where it works with fewer counters: national holidays, the patron
 * saint's day, ad-hoc closures (of the office or of one service line) and single-day counter reductions.
 */
public final class DayRules {

	private final MonthDay patronSaintDay;

	private final Set<LocalDate> officeClosures;

	private final Set<LineDay> lineClosures;

	private final Map<LineDay, Integer> reductions;

	DayRules(MonthDay patronSaintDay, Set<LocalDate> officeClosures, Set<LineDay> lineClosures,
			Map<LineDay, Integer> reductions) {
		this.patronSaintDay = patronSaintDay;
		this.officeClosures = Set.copyOf(officeClosures);
		this.lineClosures = Set.copyOf(lineClosures);
		this.reductions = Map.copyOf(reductions);
	}

	public boolean isClosed(LocalDate day, long serviceLineId) {
		return ItalianHolidays.isHoliday(day) || MonthDay.from(day).equals(patronSaintDay)
				|| officeClosures.contains(day) || lineClosures.contains(new LineDay(day, serviceLineId));
	}

	/** The counters working that day: the weekly number, or fewer on a reduced day. */
	public int counters(LocalDate day, long serviceLineId, int weekly) {
		Integer reduced = reductions.get(new LineDay(day, serviceLineId));
		return reduced == null ? weekly : Math.min(reduced, weekly);
	}

	record LineDay(LocalDate day, long serviceLineId) {
	}
}
