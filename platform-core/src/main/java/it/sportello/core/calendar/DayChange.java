package it.sportello.core.calendar;

import java.time.LocalDate;

/**
 * A day the office set apart in its calendar: closed, or worked with fewer counters.
 * @param day the day
 * @param serviceLineId the service line it concerns; null for the whole office
 * @param counters the counters open that day; null when the day is closed
 * @param reason why, as the admin wrote it
 */
public record DayChange(LocalDate day, Long serviceLineId, Integer counters, String reason) {

	public boolean closed() {
		return counters == null;
	}
}
