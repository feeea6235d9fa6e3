package it.sportello.core.imports;

import java.time.Instant;
import java.util.List;

/**
 * What an import did, row by row: a bad row is listed with its reason and does not stop the good ones.
 * @param rows every data row of the file, in order
 */
public record ImportReport(List<Row> rows) {

	public ImportReport {
		rows = List.copyOf(rows);
	}

	public long count(Outcome outcome) {
		return rows.stream().filter(row -> row.outcome() == outcome).count();
	}

	public long added() {
		return count(Outcome.ADDED);
	}

	public long unchanged() {
		return count(Outcome.UNCHANGED);
	}

	public long refused() {
		return count(Outcome.REFUSED);
	}

	/** What happened to a row. */
	public enum Outcome {
		/** The row was taken in. */
		ADDED,
		/** The row was already there: nothing changed. */
		UNCHANGED,
		/** The row was refused for the reason given. */
		REFUSED
	}

	/**
	 * One row of the file.
	 * @param line the line of the file, counting the header as line 1
	 * @param key what the row is about (a practice number, a booking reference, a client's name)
	 * @param problem the message code of the reason a row was refused, else null
	 * @param booked the booking the row made, where an import books and the page names it, else null
	 */
	public record Row(long line, String key, Outcome outcome, String problem, Booked booked) {

		public Row(long line, String key, Outcome outcome, String problem) {
			this(line, key, outcome, problem, null);
		}
	}

	/**
	 * A booking a row made: its reference and when it starts, an instant that the page shows in the office's zone and
	 * the reader's language.
	 */
	public record Booked(String reference, Instant startsAt) {
	}
}
