package it.sportello.admin.demo;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import it.sportello.admin.onboarding.OnboardingRequest;
import it.sportello.admin.onboarding.SiteSpec;
import it.sportello.core.catalogue.NationalTemplate.CatalogueFiles;
import it.sportello.core.catalogue.PracticeSpec;
import it.sportello.core.catalogue.ServiceLineSpec;
import it.sportello.core.office.Contacts;
import it.sportello.core.text.LocalizedText;

/** A demo Questura as described in {@code demo/<slug>.yml}, built from the notices in {@code shared/seeds}. */
record DemoOffice(String slug, String name, String timeZone, String patronDay, Contacts contacts,
		LocalizedText notice, List<SiteSpec> sites, List<ServiceLineSpec> serviceLines, List<WalkIn> walkIns,
		CatalogueChoice catalogue) {

	DemoOffice {
		serviceLines = serviceLines == null ? List.of() : serviceLines;
		walkIns = walkIns == null ? List.of() : walkIns;
	}

	static DemoOffice read(String slug) {
		return CatalogueFiles.read("/demo/" + slug + ".yml", DemoOffice.class);
	}

	OnboardingRequest onboardingRequest() {
		return new OnboardingRequest(slug, name, ZoneId.of(timeZone), MonthDay.parse("--" + patronDay), contacts,
				sites, null);
	}

	/** A walk-in window as written in the file. */
	record WalkIn(String site, List<DayOfWeek> days, LocalTime from, LocalTime to, LocalizedText description) {
	}

	/** The template practices the office offers, and its own. */
	record CatalogueChoice(List<String> template, List<PracticeSpec> own) {

		CatalogueChoice {
			own = own == null ? List.of() : own;
		}
	}
}
