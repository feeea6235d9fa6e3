package it.sportello.core.office;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One weekly opening of a service line: a day, a time span cut into slots, and the counters working in parallel. */
@Embeddable
public record OpeningHours(@Enumerated(EnumType.STRING) DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes,
		int slotMinutes, int counters) {

	public OpeningHours {
		if (!closes.isAfter(opens)) {
			throw new IllegalArgumentException("Opening hours must close after they open");
		}
		if (slotMinutes < 5 || counters < 1) {
			throw new IllegalArgumentException("Slots last at least 5 minutes and need at least one counter");
		}
	}
}
