package it.sportello.admin.onboarding;

import it.sportello.core.office.Site;
import it.sportello.core.text.LocalizedText;

/** A site of a Questura being onboarded. */
public record SiteSpec(String code, LocalizedText name, String address, String postalCode, String city) {

	Site toSite(int position) {
		return new Site(code, position, name, address, postalCode, city);
	}
}
