package it.sportello.core.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import it.sportello.core.text.ControlCharacters;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files offices and associations upload: a header row names the columns (in any order, any case); commas
 * or semicolons (as spreadsheets in Italian export them) separate the fields.
 */
public final class CsvFiles {

	private CsvFiles() {
	}

	/** Longer than any value of ours (names, numbers, addresses). */
	static final int LONGEST_CELL = 1_000;

	/**
	 * The data rows of the file.
	 * @throws IllegalArgumentException when it is not a CSV file with a header row (nothing was read)
	 */
	public static List<CsvRow> read(String content) {
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		if (ControlCharacters.in(text)) {
			// a NUL or an escape is no spreadsheet's text: refused before anything reaches the database
			throw new InvalidCsv();
		}
		String header = text.lines().findFirst().orElse("");
		char delimiter = header.contains(";") && !header.contains(",") ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.get();
		try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
			List<CsvRow> rows = parser.stream().map(CsvFiles::row).toList();
			if (rows.stream().anyMatch(row -> row.values().values().stream().anyMatch(v -> v.length() > LONGEST_CELL))) {
				throw new InvalidCsv();
			}
			return rows;
		}
		catch (InvalidCsv refused) {
			throw refused;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			// a malformed file (a quote left open, a header twice, ...): the person's to fix, nothing was read
			throw new InvalidCsv();
		}
	}

	private static CsvRow row(CSVRecord record) {
		Map<String, String> values = record.toMap()
			.entrySet()
			.stream()
			.filter(e -> e.getKey() != null && e.getValue() != null)
			.collect(Collectors.toMap(e -> e.getKey().strip().toLowerCase(Locale.ROOT), Map.Entry::getValue,
					(a, b) -> a));
		return new CsvRow(record.getRecordNumber() + 1, values);
	}

	/** A data row: its line in the file and its values by lower-case column name. */
	public record CsvRow(long line, Map<String, String> values) {

		/** The column's value, stripped; null when the row leaves it empty. */
		public String get(String column) {
			String value = values.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	/** The file is not a CSV file with a header row. */
	static final class InvalidCsv extends IllegalArgumentException {

		InvalidCsv() {
			super("import.file.invalid");
		}
	}
}
