package it.sportello.core.text;

import java.util.Locale;

import jakarta.persistence.Embeddable;

/**
 * A text of the office's data in the four interface languages. Italian is always there; a language the office did
 * not write falls back to Italian, and the page marks that text {@code lang="it"}.
 */
@Embeddable
public record LocalizedText(String it, String en, String fr, String ar) {

	public static final String ITALIAN = "it";

	public LocalizedText {
		if (it == null || it.isBlank()) {
			throw new IllegalArgumentException("An Italian text is required");
		}
	}

	public static LocalizedText italian(String text) {
		return new LocalizedText(text, null, null, null);
	}

	/** The text for a page in the given language, with the language it is actually written in. */
	public Shown in(Locale locale) {
		String wanted = locale == null ? ITALIAN : locale.getLanguage();
		String text = switch (wanted) {
			case "en" -> en;
			case "fr" -> fr;
			case "ar" -> ar;
			default -> null;
		};
		return (text == null || text.isBlank()) ? new Shown(it, ITALIAN, !ITALIAN.equals(wanted))
				: new Shown(text, wanted, false);
	}

	/**
	 * A text as shown on a page.
	 * @param text the text
	 * @param lang the language it is written in
	 * @param fallback whether it is shown in Italian on a page in another language
	 */
	public record Shown(String text, String lang, boolean fallback) {

		@Override
		public String toString() {
			return text;
		}
	}
}
