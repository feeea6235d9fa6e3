package it.sportello.core.catalogue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import it.sportello.core.office.OpeningHours;

/** Weekly hours as written in a catalogue file: several days sharing one time span. */
public record HoursSpec(List<DayOfWeek> days, LocalTime from, LocalTime to, int slotMinutes, int counters) {

	public List<OpeningHours> toOpeningHours() {
		return days.stream().map(day -> new OpeningHours(day, from, to, slotMinutes, counters)).toList();
	}

	public static List<OpeningHours> weekly(List<HoursSpec> specs) {
		return specs.stream().flatMap(spec -> spec.toOpeningHours().stream()).toList();
	}
}
