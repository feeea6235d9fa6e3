package it.sportello.web.backoffice;

import static it.sportello.web.input.FormValues.text;

import java.util.Locale;

import it.sportello.core.office.Site;
import it.sportello.core.text.LocalizedText;
import jakarta.validation.constraints.NotBlank;

/** A new site of the office: its code, name and address, every one of them needed. */
class SiteForm {

	@NotBlank(message = "{onboarding.site.incomplete}")
	private String code;

	@NotBlank(message = "{onboarding.site.incomplete}")
	private String name;

	@NotBlank(message = "{onboarding.site.incomplete}")
	private String address;

	@NotBlank(message = "{onboarding.site.incomplete}")
	private String postalCode;

	@NotBlank(message = "{onboarding.site.incomplete}")
	private String city;

	/** The code as typed, without surrounding spaces: what a refusal names. */
	String typedCode() {
		return text(code);
	}

	/** The code as the office keeps it (upper case). */
	String code() {
		return typedCode().toUpperCase(Locale.ROOT);
	}

	/** The site, listed at the position given. */
	Site site(int position) {
		return new Site(code(), position, LocalizedText.italian(text(name)), text(address), text(postalCode), text(city));
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}
}
