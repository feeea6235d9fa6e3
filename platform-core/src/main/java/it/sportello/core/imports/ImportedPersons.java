package it.sportello.core.imports;

import java.util.List;
import java.util.Locale;

import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.DocumentType;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;

/** The identity of a person in an imported row: a codice fiscale, or a document by type, country and number. */
public final class ImportedPersons {

	private ImportedPersons() {
	}

	/** The row's identity, which it must name; one that is missing or not well formed is refused. */
	public static PersonIdentity required(CsvFiles.CsvRow row) {
		PersonIdentity identity = identity(row);
		if (identity == null) {
			throw new InvalidIdentity("import.goLive.identity.required");
		}
		return identity;
	}

	/** The languages a person's mails are written in (the web's Languages, which this module cannot see). */
	static final List<String> LANGUAGES = List.of("it", "en", "fr", "ar");

	/**
	 * The language the person reads: Italian where the row leaves the column empty, the one it names if Sportello
	 * writes in it; null for any other value, which the row is refused for (never silently Italian).
	 */
	public static String language(CsvFiles.CsvRow row) {
		String language = row.get("language") == null ? "it" : row.get("language").toLowerCase(Locale.ROOT);
		return LANGUAGES.contains(language) ? language : null;
	}

	/** The row's identity, or null when it names none; an identity that is not well formed is refused. */
	public static PersonIdentity identity(CsvFiles.CsvRow row) {
		if (row.get("codice_fiscale") != null) {
			return new PersonIdentity.TaxCode(row.get("codice_fiscale"));
		}
		if (row.get("document_number") == null) {
			return null;
		}
		DocumentType type;
		try {
			type = DocumentType.valueOf(String.valueOf(row.get("document_type")).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidIdentity("person.document.type.required");
		}
		return new PersonIdentity.Document(type, row.get("document_country"), row.get("document_number"));
	}
}
