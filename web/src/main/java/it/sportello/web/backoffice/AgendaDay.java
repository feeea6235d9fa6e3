package it.sportello.web.backoffice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The day of the agenda an operator is looking at, of one service line or all: every action taken from it comes back
 * to it, not to today.
 * @param line a service line, or null for all
 */
record AgendaDay(LocalDate day, Long line) {

	/** The day asked for, or today in the office's zone when none (or no valid day) is given. */
	static AgendaDay of(String date, Long line, ZoneId zone) {
		LocalDate today = LocalDate.now(zone);
		try {
			LocalDate day = date == null || date.isBlank() ? today : LocalDate.parse(date);
			// a year like +999999999 parses, but no office has a day there (and plusDays would overflow)
			return new AgendaDay(Math.abs(ChronoUnit.YEARS.between(today, day)) > 5 ? today : day,
					line);
		}
		catch (DateTimeParseException ex) {
			return new AgendaDay(today, line);
		}
	}

	AgendaDay previous() {
		return new AgendaDay(day.minusDays(1), line);
	}

	AgendaDay next() {
		return new AgendaDay(day.plusDays(1), line);
	}

	/** The agenda page of this day and line. */
	String url(String slug) {
		return UriComponentsBuilder.fromPath("/q/{slug}/admin/day")
			.queryParam("date", day)
			.queryParamIfPresent("line", Optional.ofNullable(line))
			.buildAndExpand(slug)
			.toUriString();
	}
}
