package it.sportello.core.testsupport;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;

import it.sportello.core.office.Contacts;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OpeningHours;
import it.sportello.core.office.Site;
import it.sportello.core.text.LocalizedText;

/** Test data with sensible defaults, changed only where a test cares. */
public final class OfficeBuilders {

	private OfficeBuilders() {
	}

	public static Site site(String code) {
		return new Site(code, 0, LocalizedText.italian("Sede " + code), "Via Roma 1", "16100", "Genova");
	}

	public static OfficeProfile profile() {
		return new OfficeProfile(ZoneId.of("Europe/Rome"), MonthDay.of(6, 24),
				new Contacts("010 000000", "urp@example.it", null, null));
	}

	public static OpeningHours mornings(DayOfWeek day) {
		return new OpeningHours(day, LocalTime.of(8, 30), LocalTime.of(12, 30), 20, 3);
	}
}
