package it.sportello.admin.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.sportello.admin.imports.ImportReport.Outcome;
import it.sportello.admin.imports.ImportReport.Row;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.Practices;
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

	private final Practices practices;

	private final PersonKeys personKeys;

	private final AssociationClients clients;

	ClientBookingImport(BookingService bookings, Availability availability, Practices practices,
			PersonKeys personKeys, AssociationClients clients) {
		this.bookings = bookings;
		this.availability = availability;
		this.practices = practices;
		this.personKeys = personKeys;
		this.clients = clients;
	}

	public ImportReport importCsv(String content, long associationId, String actor) {
		List<Row> rows = new ArrayList<>();
		for (CsvFiles.CsvRow row : CsvFiles.read(content)) {
			rows.add(bookRow(row, associationId, actor));
		}
		return new ImportReport(rows);
	}

	private Row bookRow(CsvFiles.CsvRow row, long associationId, String actor) {
		String name = row.get("full_name");
		String key = String.valueOf(name);
		if (name == null || name.length() > 200) {
			return new Row(row.line(), key, Outcome.REFUSED, "person.fullName.required");
		}
		PersonIdentity identity;
		try {
			identity = ImportedPersons.required(row);
		}
		catch (InvalidIdentity ex) {
			return new Row(row.line(), key, Outcome.REFUSED, ex.getCode());
		}
		Optional<Practice> practice = practices.findByCode(String.valueOf(row.get("practice")).toUpperCase(Locale.ROOT))
			.filter(p -> p.isActive() && p.getBookableBy() != BookableBy.CITIZENS);
		if (practice.isEmpty()) {
			return new Row(row.line(), key, Outcome.REFUSED, "import.goLive.practice.unknown");
		}
		LocalDate from = date(row.get("from"));
		LocalDate to = date(row.get("to"));
		if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS))) {
			return new Row(row.line(), key, Outcome.REFUSED, "import.clients.span.invalid");
		}
		String language = ImportedPersons.language(row);
		if (language == null) {
			return new Row(row.line(), name, Outcome.REFUSED, "import.language.invalid");
		}
		clients.remember(associationId, name, personKeys.of(identity), row.get("email"), row.get("phone"), language);
		for (FreeSlot slot : freeSlots(practice.get().getId(), from, to)) {
			try {
				BookingOutcome outcome = bookings.book(new BookingRequest(practice.get().getId(), slot.id(),
						Channel.ASSOCIATION, null, associationId, List.of(new PersonDetails(name, identity, false)), null,
						row.get("email"), row.get("phone"), language, actor));
				// the time stays an instant here: the page shows it in the office's zone and the reader's language
				return new Row(row.line(), name, Outcome.ADDED, null, outcome instanceof BookingOutcome.Booked booked
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

	/** The practice's free slots between the days, earliest first. */
	private List<FreeSlot> freeSlots(long practiceId, LocalDate from, LocalDate to) {
		List<FreeSlot> slots = new ArrayList<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			for (LocalDate day : availability.freeDays(practiceId, month)) {
				if (!day.isBefore(from) && !day.isAfter(to)) {
					slots.addAll(availability.freeSlots(practiceId, day));
				}
			}
		}
		return slots;
	}

	private static LocalDate date(String text) {
		try {
			return text == null ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
