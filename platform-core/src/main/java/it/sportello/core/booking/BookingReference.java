package it.sportello.core.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The short public reference of a booking: ten characters of Crockford's base 32 (no I, L, O or U, so it reads back
 * without doubt), 50 random bits, shown as {@code XXXXX-XXXXX}.
 */
public record BookingReference(String value) {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	public BookingReference {
		if (value == null || !value.matches("[0-9A-HJKMNP-TV-Z]{10}")) {
			throw new IllegalArgumentException("Not a booking reference");
		}
	}

	static BookingReference random() {
		char[] chars = new char[10];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new BookingReference(new String(chars));
	}

	/** Reads a reference as a person or a scanner typed it; empty when it cannot be one. */
	public static Optional<BookingReference> parse(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String value = typed.replaceAll("[\\s-]", "")
			.toUpperCase(Locale.ROOT)
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		return value.matches("[0-9A-HJKMNP-TV-Z]{10}") ? Optional.of(new BookingReference(value))
				: Optional.empty();
	}

	@Override
	public String toString() {
		return value.substring(0, 5) + "-" + value.substring(5);
	}
}
