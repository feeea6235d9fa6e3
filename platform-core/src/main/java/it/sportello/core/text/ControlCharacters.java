package it.sportello.core.text;

import java.util.regex.Pattern;

/**
 * Whether a text holds a control character no person types: a NUL, an escape, a bell... Tab and line breaks are text.
 * PostgreSQL refuses a NUL outright; the others would only make trouble on a page, in a mail or at the counter.
 */
public final class ControlCharacters {

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private ControlCharacters() {
	}

	public static boolean in(String text) {
		return text != null && CONTROL.matcher(text).find();
	}
}
