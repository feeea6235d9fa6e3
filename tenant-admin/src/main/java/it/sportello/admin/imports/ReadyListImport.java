package it.sportello.admin.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import it.sportello.core.audit.AuditEntry;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.imports.CsvFiles;
import it.sportello.core.imports.ImportReport;
import it.sportello.core.imports.ImportReport.Outcome;
import it.sportello.core.imports.ImportReport.Row;
import it.sportello.core.imports.ImportedPersons;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.pickup.ReadyForPickup;
import org.springframework.stereotype.Service;

/**
 * Takes the permits ready for pick-up into the current Questura's list from a CSV file: a column
 * {@code practice_number}, and optionally the holder's {@code codice_fiscale} or {@code document_type},
 * {@code document_country} and {@code document_number}, so that only the holder may book its pick-up. Uploading the
 * same file again changes nothing.
 */
@Service
public class ReadyListImport {

	static final int MAX_NUMBER = 40;

	private final ReadyForPickup readyList;

	private final PersonKeys personKeys;

	private final AuditLog audit;

	ReadyListImport(ReadyForPickup readyList, PersonKeys personKeys, AuditLog audit) {
		this.readyList = readyList;
		this.personKeys = personKeys;
		this.audit = audit;
	}

	public ImportReport importCsv(String content, String actor) {
		List<Row> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (CsvFiles.CsvRow row : CsvFiles.read(content)) {
			String number = ReadyForPickup.normalise(row.get("practice_number"));
			if (number.isEmpty() || number.length() > MAX_NUMBER) {
				rows.add(new Row(row.line(), number, Outcome.REFUSED, "import.readyList.number.invalid"));
				continue;
			}
			PersonIdentity holder;
			try {
				holder = ImportedPersons.identity(row);
			}
			catch (InvalidIdentity ex) {
				rows.add(new Row(row.line(), number, Outcome.REFUSED, ex.getCode()));
				continue;
			}
			if (!seen.add(number)) {
				rows.add(new Row(row.line(), number, Outcome.UNCHANGED, null));
				continue;
			}
			boolean added = readyList.add(number, Optional.ofNullable(holder).map(personKeys::of));
			rows.add(new Row(row.line(), number, added ? Outcome.ADDED : Outcome.UNCHANGED, null));
		}
		ImportReport report = new ImportReport(rows);
		audit.record(new AuditEntry(actor, "READY_LIST_IMPORTED", "OFFICE", null, null, null)
			.with("added", report.count(Outcome.ADDED))
			.with("unchanged", report.count(Outcome.UNCHANGED))
			.with("refused", report.count(Outcome.REFUSED)));
		return report;
	}
}
