package it.sportello.admin.onboarding;

import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import it.sportello.core.office.Contacts;

/**
 * What it takes to open a Questura on the platform.
 * @param slug the URL name, e.g. {@code genova}
 * @param name the public name, e.g. "Questura di Genova"
 * @param timeZone the office's zone (Europe/Rome for every Italian office)
 * @param patronSaintDay the comune's patron-saint day, a local holiday
 * @param contacts how the public reaches the office
 * @param sites the addresses where the office receives the public; the first is the main one
 * @param firstAdminEmail who is invited as the Questura's first admin once it is open, or null
 */
public record OnboardingRequest(String slug, String name, ZoneId timeZone, MonthDay patronSaintDay, Contacts contacts,
		List<SiteSpec> sites, String firstAdminEmail) {

	public OnboardingRequest {
		sites = sites == null ? List.of() : List.copyOf(sites);
	}
}
