package it.sportello.web.input;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * What a person typed in a form field, read leniently: surrounding spaces dropped, a blank field or a value of the
 * wrong form read as none (null), for the form or the page to refuse or to ignore.
 */
public final class FormValues {

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d/M");

	private FormValues() {
	}

	/** The text without surrounding spaces, or null when blank. */
	public static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The non-blank lines of the text, each without surrounding spaces. */
	public static List<String> lines(String value) {
		return value == null ? List.of()
				: Arrays.stream(value.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/** The day written as ISO (2026-12-07), or null. */
	public static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A day of the year as an office writes it, day then month ("24/6"), or null. */
	public static MonthDay dayOfYear(String value) {
		try {
			return value == null || value.isBlank() ? null : MonthDay.parse(value.strip(), DAY_MONTH);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A day of the year written as {@link #dayOfYear} reads it. */
	public static String dayOfYear(MonthDay day) {
		return day == null ? null : DAY_MONTH.format(day);
	}

	/** The constant of the enum with exactly that name, or null. */
	public static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
		try {
			return value == null ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
