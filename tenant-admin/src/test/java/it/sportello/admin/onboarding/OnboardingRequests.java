package it.sportello.admin.onboarding;

import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import it.sportello.core.office.Contacts;
import it.sportello.core.text.LocalizedText;

/** Builds onboarding requests with sensible defaults: {@code aQuestura("lecco").withSites(...).build()}. */
final class OnboardingRequests {

	private String slug;

	private String name;

	private MonthDay patronDay = MonthDay.of(12, 6);

	private String firstAdmin;

	private List<SiteSpec> sites = List.of(site("MAIN", "Via Roma 1"), site("BRANCH", "Via Milano 2"));

	private OnboardingRequests(String slug) {
		this.slug = slug;
		this.name = "Questura di " + slug;
	}

	static OnboardingRequests aQuestura(String slug) {
		return new OnboardingRequests(slug);
	}

	OnboardingRequests withSites(SiteSpec... sites) {
		this.sites = List.of(sites);
		return this;
	}

	OnboardingRequests withName(String name) {
		this.name = name;
		return this;
	}

	OnboardingRequests withFirstAdmin(String email) {
		this.firstAdmin = email;
		return this;
	}

	OnboardingRequests withPatronDay(MonthDay patronDay) {
		this.patronDay = patronDay;
		return this;
	}

	OnboardingRequest build() {
		return new OnboardingRequest(slug, name, ZoneId.of("Europe/Rome"), patronDay,
				new Contacts("0341 000000", "urp@example.it", "immig@pec.example.it", null), sites, firstAdmin);
	}

	static SiteSpec site(String code, String address) {
		return new SiteSpec(code, LocalizedText.italian("Sede " + code), address, "23900", "Lecco");
	}
}
