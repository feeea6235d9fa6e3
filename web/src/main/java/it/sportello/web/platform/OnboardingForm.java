package it.sportello.web.platform;

import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import it.sportello.admin.onboarding.OnboardingRequest;
import it.sportello.admin.onboarding.SiteSpec;
import it.sportello.core.office.Contacts;
import it.sportello.core.text.LocalizedText;
import it.sportello.web.input.FormValues;

/** The platform admin's form to open a Questura: its names, patron day, contacts, main site and first admin. */
public class OnboardingForm {

	private String slug;

	private String name;

	private String patronDay;

	private String phone;

	private String email;

	private String pec;

	private String website;

	private String siteCode = "QUESTURA";

	private String siteName;

	private String siteAddress;

	private String sitePostalCode;

	private String siteCity;

	private String firstAdminEmail;

	OnboardingRequest toRequest() {
		return new OnboardingRequest(FormValues.text(slug), FormValues.text(name), ZoneId.of("Europe/Rome"), patronSaintDay(),
				new Contacts(FormValues.text(phone), FormValues.text(email), FormValues.text(pec), FormValues.text(website)),
				List.of(new SiteSpec(FormValues.text(siteCode), FormValues.text(siteName) == null ? null : LocalizedText.italian(FormValues.text(siteName)),
						FormValues.text(siteAddress), FormValues.text(sitePostalCode), FormValues.text(siteCity))),
				FormValues.text(firstAdminEmail));
	}

	/** The patron day as typed ("24/6"), or null. */
	MonthDay patronSaintDay() {
		return FormValues.dayOfYear(patronDay);
	}

	public String getSlug() {
		return slug;
	}

	public void setSlug(String slug) {
		this.slug = slug;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPatronDay() {
		return patronDay;
	}

	public void setPatronDay(String patronDay) {
		this.patronDay = patronDay;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPec() {
		return pec;
	}

	public void setPec(String pec) {
		this.pec = pec;
	}

	public String getWebsite() {
		return website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public String getSiteCode() {
		return siteCode;
	}

	public void setSiteCode(String siteCode) {
		this.siteCode = siteCode;
	}

	public String getSiteName() {
		return siteName;
	}

	public void setSiteName(String siteName) {
		this.siteName = siteName;
	}

	public String getSiteAddress() {
		return siteAddress;
	}

	public void setSiteAddress(String siteAddress) {
		this.siteAddress = siteAddress;
	}

	public String getSitePostalCode() {
		return sitePostalCode;
	}

	public void setSitePostalCode(String sitePostalCode) {
		this.sitePostalCode = sitePostalCode;
	}

	public String getSiteCity() {
		return siteCity;
	}

	public void setSiteCity(String siteCity) {
		this.siteCity = siteCity;
	}

	public String getFirstAdminEmail() {
		return firstAdminEmail;
	}

	public void setFirstAdminEmail(String firstAdminEmail) {
		this.firstAdminEmail = firstAdminEmail;
	}
}
