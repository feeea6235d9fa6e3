package it.sportello.core.person;

import java.util.Locale;

/** What a person shows to be recognised: a codice fiscale, or an identity document when they have none. */
public sealed interface PersonIdentity {

	/** The normalised text the key is computed from; never stored. */
	String canonical();

	/** An Italian codice fiscale, checked for its form and its check character. */
	record TaxCode(String code) implements PersonIdentity {

		public TaxCode {
			code = CodiceFiscale.normalise(code);
			if (!CodiceFiscale.isValid(code)) {
				throw new InvalidIdentity("person.codiceFiscale.invalid");
			}
		}

		@Override
		public String canonical() {
			return "CF:" + code;
		}
	}

	/**
	 * An identity document: passport, identity card, residence permit or other, with the issuing country (ISO 3166
	 * alpha-2 or alpha-3) and its number. Spaces, hyphens and dots in the number are not significant.
	 */
	record Document(DocumentType type, String country, String number) implements PersonIdentity {

		public Document {
			if (type == null) {
				throw new InvalidIdentity("person.document.type.required");
			}
			country = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
			if (!country.matches("[A-Z]{2,3}")) {
				throw new InvalidIdentity("person.document.country.invalid");
			}
			number = number == null ? "" : number.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
			if (!number.matches("[A-Z0-9]{4,20}")) {
				throw new InvalidIdentity("person.document.number.invalid");
			}
		}

		@Override
		public String canonical() {
			return "DOC:" + type + ":" + country + ":" + number;
		}
	}

	/** The kinds of identity document a person may show. */
	enum DocumentType {
		PASSPORT, IDENTITY_CARD, RESIDENCE_PERMIT, TRAVEL_DOCUMENT, OTHER
	}

	/** An identity that is not well formed; the code names the message for the person. */
	final class InvalidIdentity extends IllegalArgumentException {

		private final String code;

		public InvalidIdentity(String code) {
			super(code);
			this.code = code;
		}

		public String getCode() {
			return code;
		}
	}
}
