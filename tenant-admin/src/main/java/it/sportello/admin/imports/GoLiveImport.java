package it.sportello.admin.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.imports.CsvFiles;
import it.sportello.core.imports.ImportReport;
import it.sportello.core.imports.ImportReport.Outcome;
import it.sportello.core.imports.ImportReport.Row;
import it.sportello.core.imports.ImportedPersons;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;
import it.sportello.core.slot.Availability;
import org.springframework.stereotype.Service;

/**
 * Takes in the appointments an office already gave out in its old system, so that it can switch to Sportello without
 * losing anyone's appointment. Each row is booked through the engine like any office booking, so that it is checked
 * like one: the slot must exist (the office's hours on that day and time), have a place left, and the person must not
 * hold another booking. Columns: {@code date} (2026-12-03 or 03/12/2026), {@code time} (09:20), {@code service_line}
 * (its code), {@code practice} (its code), {@code full_name}, the person's {@code codice_fiscale} or
 * {@code document_type}, {@code document_country} and {@code document_number}, and optionally {@code email} and
 * {@code language}.
 */
@Service
public class GoLiveImport {

	private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

	private final BookingService bookings;

	private final Availability availability;

	private final Practices practices;

	private final OfficeProfiles profiles;

	GoLiveImport(BookingService bookings, Availability availability, Practices practices, OfficeProfiles profiles) {
		this.bookings = bookings;
		this.availability = availability;
		this.practices = practices;
		this.profiles = profiles;
	}

	public ImportReport importCsv(String content, String actor) {
		ZoneId zone = profiles.getRequired().getTimeZone();
		List<Row> rows = new ArrayList<>();
		for (CsvFiles.CsvRow row : CsvFiles.read(content)) {
			rows.add(importRow(row, zone, actor));
		}
		return new ImportReport(rows);
	}

	private Row importRow(CsvFiles.CsvRow row, ZoneId zone, String actor) {
		String key = row.get("date") + " " + row.get("time") + " " + row.get("full_name");
		LocalDate date = date(row.get("date"));
		LocalTime time = time(row.get("time"));
		if (date == null || time == null) {
			return new Row(row.line(), key, Outcome.REFUSED, "import.goLive.when.invalid");
		}
		Optional<Practice> practice = practices.findByCode(String.valueOf(row.get("practice")));
		if (practice.isEmpty() || !practice.get().isActive()) {
			return new Row(row.line(), key, Outcome.REFUSED, "import.goLive.practice.unknown");
		}
		Optional<Long> slot = availability.slotStartingAt(String.valueOf(row.get("service_line")),
				date.atTime(time).atZone(zone).toInstant());
		if (slot.isEmpty()) {
			return new Row(row.line(), key, Outcome.REFUSED, "import.goLive.slot.unknown");
		}
		if (row.get("full_name") == null) {
			return new Row(row.line(), key, Outcome.REFUSED, "person.fullName.required");
		}
		PersonIdentity identity;
		try {
			identity = ImportedPersons.required(row);
		}
		catch (InvalidIdentity ex) {
			return new Row(row.line(), key, Outcome.REFUSED, ex.getCode());
		}
		String language = ImportedPersons.language(row);
		if (language == null) {
			return new Row(row.line(), key, Outcome.REFUSED, "import.language.invalid");
		}
		try {
			BookingOutcome outcome = bookings.book(new BookingRequest(practice.get().getId(), slot.get(), Channel.OFFICE,
					null, null, List.of(new PersonDetails(row.get("full_name"), identity, false)), null, row.get("email"),
					null, language, actor));
			return new Row(row.line(), outcome instanceof BookingOutcome.Booked booked ? booked.reference().value() : key,
					Outcome.ADDED, null);
		}
		catch (BookingRefused refused) {
			return new Row(row.line(), key, Outcome.REFUSED, refused.getCode());
		}
	}

	private static LocalDate date(String text) {
		if (text == null) {
			return null;
		}
		try {
			return text.contains("/") ? LocalDate.parse(text, ITALIAN_DATE) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static LocalTime time(String text) {
		try {
			return text == null ? null : LocalTime.parse(text.length() == 4 ? "0" + text : text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
