package it.sportello.core.association;

import java.util.Locale;

import it.sportello.core.person.CodiceFiscale;

/**
 * The codice fiscale or partita IVA an association is registered with: eleven digits with the Luhn-style check digit
 * of the partita IVA (which is also the numeric codice fiscale of an organisation), or a personal codice fiscale of
 * sixteen characters (a law office run by one professional) with its check character.
 */
public final class TaxNumber {

	private TaxNumber() {
	}

	/** The number normalised (no spaces, upper case), or null when it is not a valid one. */
	public static String checked(String typed) {
		if (typed == null) {
			return null;
		}
		String value = typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		if (value.matches("\\d{11}")) {
			return partitaIvaIsValid(value) ? value : null;
		}
		String personal = CodiceFiscale.normalise(value);
		return CodiceFiscale.isValid(personal) ? personal : null;
	}

	static boolean partitaIvaIsValid(String digits) {
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			int digit = digits.charAt(i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return (10 - sum % 10) % 10 == digits.charAt(10) - '0';
	}
}
