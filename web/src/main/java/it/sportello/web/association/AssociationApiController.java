package it.sportello.web.association;

import it.sportello.core.association.AssociationBookings;

import it.sportello.core.association.AssociationMemberships;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.association.AssociationStatus;
import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import it.sportello.core.association.Associations;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.web.i18n.Languages;
import it.sportello.web.security.ApiClient;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The booking API for associations (with an association's API key, or signed in as one of its members): a
 * Questura's practices and free places, and its bookings for clients: create, move, cancel, list. A refusal is a 409
 * with a code and a message in the caller's language; bad input is a 422.
 */
@RestController
class AssociationApiController {

	private final Practices practices;

	private final Availability availability;

	private final BookingService bookings;

	private final BookingQueries queries;

	private final Associations associations;

	private final AssociationMemberships associationOf;

	private final AssociationBookings associationBookings;

	private final MessageSource messages;

	private final AssociationClients clients;

	private final PersonKeys personKeys;

	private final it.sportello.core.report.RequestOrigins origins;

	private final it.sportello.web.ratelimit.ClientAddresses clientAddresses;

	private final Languages languages;

	AssociationApiController(Practices practices, Availability availability, BookingService bookings,
			BookingQueries queries, Associations associations, AssociationMemberships associationOf, AssociationBookings associationBookings,
			MessageSource messages, AssociationClients clients, PersonKeys personKeys,
			it.sportello.core.report.RequestOrigins origins, it.sportello.web.ratelimit.ClientAddresses clientAddresses,
			Languages languages) {
		this.languages = languages;
		this.origins = origins;
		this.clientAddresses = clientAddresses;
		this.clients = clients;
		this.personKeys = personKeys;
		this.practices = practices;
		this.availability = availability;
		this.bookings = bookings;
		this.queries = queries;
		this.associations = associations;
		this.associationOf = associationOf;
		this.associationBookings = associationBookings;
		this.messages = messages;
	}

	@GetMapping("/api/v1/q/{slug}/practices")
	List<PracticeJson> practices(Locale locale) {
		return practices.findByActiveTrueOrderByPosition().stream().map(p -> PracticeJson.of(p, locale)).toList();
	}

	@GetMapping("/api/v1/q/{slug}/practices/{practiceId}/free-days")
	List<LocalDate> freeDays(@PathVariable long practiceId, @RequestParam String month) {
		YearMonth parsed;
		try {
			parsed = YearMonth.parse(month);
		}
		catch (RuntimeException ex) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "month is yyyy-MM");
		}
		return availability.freeDays(practiceId, parsed);
	}

	@GetMapping("/api/v1/q/{slug}/practices/{practiceId}/free-slots")
	List<FreeSlot> freeSlots(@PathVariable long practiceId, @RequestParam String day) {
		try {
			return availability.freeSlots(practiceId, LocalDate.parse(day));
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "day is yyyy-MM-dd");
		}
	}

	@PostMapping("/api/v1/q/{slug}/bookings")
	ResponseEntity<Object> book(@PathVariable String slug, @RequestBody(required = false) NewBooking body, Authentication caller,
			Locale locale, jakarta.servlet.http.HttpServletRequest request) {
		Association association = association(caller);
		PersonIdentity identity;
		try {
			if (body == null || body.client() == null || body.client().fullName() == null
					|| body.client().fullName().isBlank()) {
				return problem(HttpStatus.UNPROCESSABLE_CONTENT, "person.fullName.required", locale);
			}
			identity = body.client().identity();
			if (body.client().language() != null && !languages.isSupported(body.client().language())) {
				// an unknown value of a closed list: 400, naming the values the field takes
				return ResponseEntity.badRequest().body(new Problem("NOT_ALLOWED_VALUE", messages.getMessage(
						"error.input.allowed", new Object[] { "client.language", String.join(", ", languages.codes()) },
						locale)));
			}
		}
		catch (PersonIdentity.InvalidIdentity ex) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.getCode(), locale);
		}
		clients.remember(association.id(), body.client().fullName().strip(), personKeys.of(identity),
				body.client().email(), body.client().phone(), body.client().language());
		BookingOutcome outcome = bookings.book(new BookingRequest(body.practiceId(), body.slotId(),
				Channel.ASSOCIATION, null, association.id(),
				List.of(new PersonDetails(body.client().fullName().strip(), identity, false, body.client().nationality(),
						body.client().birthDate())),
				body.practiceNumber(), body.client().email(), body.client().phone(),
				body.client().language() == null ? "it" : body.client().language(), actor(caller)));
		origins.record(outcome instanceof BookingOutcome.Booked booked ? booked.reference().value() : null,
				outcome instanceof BookingOutcome.Entered entry ? entry.entryId() : null, null,
				clientAddresses.of(request));
		if (outcome instanceof BookingOutcome.Entered entered) {
			// in the first seconds after a release the request is an entry of the draw: the result comes later
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EntryJson(slug, entered.entryId(),
					entered.kind().name()));
		}
		BookingReference reference = ((BookingOutcome.Booked) outcome).reference();
		return ResponseEntity.status(HttpStatus.CREATED).body(BookingJson.of(slug, queries.find(reference).orElseThrow()));
	}

	@PostMapping("/api/v1/q/{slug}/bookings/{reference}/move")
	ResponseEntity<Object> move(@PathVariable String slug, @PathVariable String reference,
			@RequestBody(required = false) Move body, Authentication caller, Locale locale) {
		BookingView booking = ownBooking(reference, association(caller));
		if (body == null) {
			return problem(HttpStatus.UNPROCESSABLE_CONTENT, "journey.slot.required", locale);
		}
		bookings.move(booking.reference(), body.slotId(), Channel.ASSOCIATION, actor(caller), null);
		return ResponseEntity.ok(BookingJson.of(slug, queries.find(booking.reference()).orElseThrow()));
	}

	@PostMapping("/api/v1/q/{slug}/bookings/{reference}/cancel")
	ResponseEntity<Object> cancel(@PathVariable String slug, @PathVariable String reference, Authentication caller,
			Locale locale) {
		BookingView booking = ownBooking(reference, association(caller));
		bookings.cancel(booking.reference(), Channel.ASSOCIATION, actor(caller), null);
		return ResponseEntity.ok(BookingJson.of(slug, queries.find(booking.reference()).orElseThrow()));
	}

	@GetMapping("/api/v1/association/bookings")
	List<BookingJson> all(Authentication caller) {
		return associationBookings.of(association(caller)).stream().map(l -> BookingJson.of(l.slug(), l.booking())).toList();
	}

	private BookingView ownBooking(String reference, Association association) {
		TenantContext.getRequired();
		return BookingReference.parse(reference)
			.flatMap(queries::find)
			.filter(b -> Long.valueOf(association.id()).equals(b.associationId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Association association(Authentication caller) {
		Object principal = caller == null ? null : caller.getPrincipal();
		Long id = principal instanceof ApiClient client ? client.scope().associationId()
				: principal instanceof SportelloPrincipal person
						? associationOf.membership(person.getAccountId()).map(m -> m.getAssociationId()).orElse(null)
						: null;
		return (id == null ? java.util.Optional.<Association>empty() : associations.find(id))
			.filter(a -> a.status() == AssociationStatus.APPROVED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

	private static String actor(Authentication caller) {
		Object principal = caller.getPrincipal();
		return principal instanceof ApiClient client ? client.actor()
				: ((SportelloPrincipal) principal).actor();
	}

	private ResponseEntity<Object> problem(HttpStatus status, String code, Locale locale) {
		return ResponseEntity.status(status).body(new Problem(code, messages.getMessage(code, null, code, locale)));
	}

	/** A practice as the API shows it. */
	record PracticeJson(long id, String code, String name, String kind, BookableBy bookableBy, int durationMinutes,
			List<String> documents) {

		static PracticeJson of(Practice p, Locale locale) {
			return new PracticeJson(p.getId(), p.getCode(), p.getName().in(locale).text(), p.getKind().name(),
					p.getBookableBy(), p.getDurationMinutes(), p.getDocuments().stream().map(d -> d.in(locale).text()).toList());
		}
	}

	/** A booking as the API shows it. */
	record BookingJson(String questura, String reference, String status, long practiceId, Instant startsAt,
			Instant endsAt, String site, String client, String language) {

		static BookingJson of(String slug, BookingView b) {
			return new BookingJson(slug, b.reference().value(), b.status().name(), b.practiceId(), b.startsAt(), b.endsAt(),
					b.siteAddress(), b.persons().isEmpty() ? null : b.persons().get(0).fullName(), b.language());
		}
	}

	/** A request entered in a release's draw or the waiting list instead of booked at once. */
	record EntryJson(String questura, long entryId, String kind) {
	}

	/** A booking request for a client. */
	record NewBooking(long practiceId, long slotId, Client client, String practiceNumber) {
	}

	/** The client: named, identified by codice fiscale or document, and how to reach them if known. */
	record Client(String fullName, String codiceFiscale, String documentType, String documentCountry,
			String documentNumber, String nationality, LocalDate birthDate, String email, String phone, String language) {

		PersonIdentity identity() {
			if (codiceFiscale != null && !codiceFiscale.isBlank()) {
				return new PersonIdentity.TaxCode(codiceFiscale);
			}
			PersonIdentity.DocumentType type;
			try {
				type = PersonIdentity.DocumentType.valueOf(String.valueOf(documentType));
			}
			catch (IllegalArgumentException ex) {
				throw new PersonIdentity.InvalidIdentity("person.document.type.required");
			}
			return new PersonIdentity.Document(type, documentCountry, documentNumber);
		}
	}

	/** A move to another slot. */
	record Move(long slotId) {
	}

	/** Why a request was refused: a code and its message in the caller's language. */
	record Problem(String code, String message) {
	}
}
