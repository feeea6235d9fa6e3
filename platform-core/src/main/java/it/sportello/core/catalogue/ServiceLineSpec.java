package it.sportello.core.catalogue;

import java.util.List;

import it.sportello.core.text.LocalizedText;

/**
 * A service line as written in a catalogue file. The template leaves the site out (its lines go to the office's main
 * site); an office's own file names the site, and leaves the name out for a line the template already named.
 */
public record ServiceLineSpec(String code, String site, LocalizedText name, List<HoursSpec> hours) {

	public ServiceLineSpec {
		hours = hours == null ? List.of() : List.copyOf(hours);
	}
}
