package it.sportello.core.office;

import jakarta.persistence.Embeddable;

/** How the public reaches an office. Any of them may be missing. */
@Embeddable
public record Contacts(String phone, String email, String pec, String website) {

	/**
	 * The phone number as a {@code tel:} link (RFC 3966): the digits alone, without the spaces, dots, dashes or
	 * brackets people write, and in international form, so that a phone with a foreign SIM card dials Italy
	 * ("011 5588111" becomes {@code tel:+390115588111}); null without a number to dial.
	 */
	public String telUri() {
		String digits = phone == null ? "" : phone.replaceAll("\\D", "");
		if (digits.isEmpty()) {
			return null;
		}
		if (phone.strip().startsWith("+")) {
			return "tel:+" + digits;
		}
		if (digits.startsWith("00")) {
			return "tel:+" + digits.substring(2);
		}
		// short numbers (112, 1522) are dialled as they are; the others are Italian numbers
		return digits.length() <= 5 ? "tel:" + digits : "tel:+39" + digits;
	}

	/**
	 * The website as a link, only when it is an http or https address: whatever form or import wrote it, a
	 * {@code javascript:} or {@code data:} address never becomes a link on the office's page.
	 */
	public String websiteUri() {
		return website != null && website.strip().matches("(?i)https?://\\S+") ? website.strip() : null;
	}
}
