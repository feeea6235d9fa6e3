package it.sportello.core.person;

import java.util.Locale;
import java.util.regex.Pattern;

/** The form and check character of an Italian codice fiscale (omocodia substitutions included). */
public final class CodiceFiscale {

	private static final Pattern FORM = Pattern
		.compile("[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

	/** The values of the characters in odd positions (1st, 3rd, ...), for 0-9 then A-Z. */
	private static final int[] ODD = { 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
			22, 25, 24, 23 };

	private CodiceFiscale() {
	}

	public static String normalise(String code) {
		return code == null ? "" : code.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	public static boolean isValid(String code) {
		String cf = normalise(code);
		if (!FORM.matcher(cf).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 15; i++) {
			char c = cf.charAt(i);
			int index = Character.isDigit(c) ? c - '0' : c - 'A';
			if (i % 2 == 0) {
				sum += ODD[index];
			}
			else {
				sum += index;
			}
		}
		return cf.charAt(15) == (char) ('A' + sum % 26);
	}
}
