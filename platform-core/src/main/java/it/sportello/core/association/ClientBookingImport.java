package it.sportello.core.association;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import it.sportello.core.booking.BookablePractices;
import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.imports.CsvFiles;
import it.sportello.core.imports.CsvFiles.CsvRow;
import it.sportello.core.imports.ImportReport;
import it.sportello.core.imports.ImportReport.Outcome;
import it.sportello.core.imports.ImportReport.Row;
import it.sportello.core.imports.ImportedPersons;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import org.springframework.stereotype.Service;

/**
 * An association's CSV of clients to book at the current Questura: for each row, the first free time of the practice
 * between the dates given is proposed and booked, as far as the quota and the one-booking rule allow; the report says
 * row by row what was booked and why the rest was not. Columns: {@code full_name}, the client's {@code codice_fiscale}
 * or {@code document_type}, {@code document_country}, {@code document_number}, {@code practice} (its code),
 * {@code from} and {@code to} (dates), and optionally {@code email}, {@code phone} and {@code language} (it, en, fr or ar:
 * the language of the client's mails, Italian when empty).
 */
@Service
public class ClientBookingImport {

	/** The longest span of days a row may ask to be looked through. */
	static final int MAX_DAYS = 92;

	private final BookingService bookings;

	private final Availability availability;

	private final BookablePractices practices;

	private final PersonKeys personKeys;

	private final AssociationClients clients;

	ClientBookingImport(BookingService bookings, Availability availability, BookablePractices practices,
			PersonKeys personKeys, AssociationClients clients) {
		this.bookings = bookings;
		this.availability = availability;
		this.practices = practices;
		this.personKeys = personKeys;
		this.clients = clients;
	}

	/**
	 * Books the file's clients for the association.
	 * @throws IllegalArgumentException when the file is not a CSV file with a header row (nothing was booked)
	 */
	public ImportReport importCsv(String content, long associationId, String actor) {
		List<Row> rows = new ArrayList<>();
		for (CsvRow row : CsvFiles.read(content)) {
			rows.add(bookRow(row, associationId, actor));
		}
		return new ImportReport(rows);
	}

	private Row bookRow(CsvRow row, long associationId, String actor) {
		String key = String.valueOf(row.get("full_name"));
		Client client;
		try {
			client = client(row);
		}
		catch (InvalidIdentity invalid) {
			return new Row(row.line(), key, Outcome.REFUSED, invalid.getCode());
		}
		catch (RowRefused refused) {
			return new Row(row.line(), key, Outcome.REFUSED, refused.code);
		}
		clients.remember(associationId, client.name(), personKeys.of(client.identity()), row.get("email"),
				row.get("phone"), client.language());
		for (FreeSlot slot : availability.freeSlotsBetween(client.practice().getId(), client.from(), client.to())) {
			try {
				BookingOutcome outcome = bookings.book(new BookingRequest(client.practice().getId(), slot.id(),
						Channel.ASSOCIATION, null, associationId,
						List.of(new PersonDetails(client.name(), client.identity(), false)), null, row.get("email"),
						row.get("phone"), client.language(), actor));
				// the time stays an instant here: the page shows it in the office's zone and the reader's language
				return new Row(row.line(), client.name(), Outcome.ADDED, null,
						outcome instanceof BookingOutcome.Booked booked
								? new ImportReport.Booked(booked.reference().value(), slot.startsAt()) : null);
			}
			catch (BookingRefused refused) {
				if (refused.getReason() != Reason.SLOT_FULL && refused.getReason() != Reason.TRY_AGAIN) {
					return new Row(row.line(), key, Outcome.REFUSED, refused.getCode());
				}
			}
		}
		return new Row(row.line(), key, Outcome.REFUSED, "import.clients.noSlot");
	}

	/** The row's client and what to book for them, checked in the order the report names the first problem. */
	private Client client(CsvRow row) {
		String name = row.get("full_name");
		if (name == null || name.length() > 200) {
			throw new RowRefused("person.fullName.required");
		}
		PersonIdentity identity = ImportedPersons.required(row);
		Practice practice = practices.findByCode(Channel.ASSOCIATION,
				String.valueOf(row.get("practice")).toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new RowRefused("import.goLive.practice.unknown"));
		LocalDate from = date(row.get("from"));
		LocalDate to = date(row.get("to"));
		if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS))) {
			throw new RowRefused("import.clients.span.invalid");
		}
		String language = ImportedPersons.language(row);
		if (language == null) {
			throw new RowRefused("import.language.invalid");
		}
		return new Client(name, identity, practice, from, to, language);
	}

	private static LocalDate date(String text) {
		try {
			return text == null ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A row's client, and the practice and days to book them in. */
	private record Client(String name, PersonIdentity identity, Practice practice, LocalDate from, LocalDate to,
			String language) {
	}

	/** A row refused before anything is booked for it, with the message code of the reason. */
	private static final class RowRefused extends RuntimeException {

		private final String code;

		RowRefused(String code) {
			super(code, null, false, false);
			this.code = code;
		}
	}
}
