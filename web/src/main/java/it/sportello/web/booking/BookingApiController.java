package it.sportello.web.booking;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationBookings;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.PersonDetails;
import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonIdentity.InvalidIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.api.ApiProblem;
import it.sportello.web.i18n.Languages;
import it.sportello.web.ratelimit.ClientAddresses;
import it.sportello.web.security.ApiClient;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The booking API of a Questura: its practices and free places (public), and for associations (with an association's
 * API key, or signed in as one of its members) their clients' bookings: create, move, cancel. A refusal is a 409
 * problem with a code and a message in the caller's language; bad input is a 422 problem.
 */
@RestController
@RequestMapping("/api/v1/q/{slug}")
class BookingApiController {

	private final OfficeDirectory directory;

	private final Availability availability;

	private final BookingService bookings;

	private final BookingQueries queries;

	private final AssociationBookings associationBookings;

	private final AssociationClients clients;

	private final PersonKeys personKeys;

	private final ClientAddresses clientAddresses;

	private final Languages languages;

	BookingApiController(OfficeDirectory directory, Availability availability, BookingService bookings, BookingQueries queries,
			AssociationBookings associationBookings, AssociationClients clients, PersonKeys personKeys,
			ClientAddresses clientAddresses, Languages languages) {
		this.directory = directory;
		this.availability = availability;
		this.bookings = bookings;
		this.queries = queries;
		this.associationBookings = associationBookings;
		this.clients = clients;
		this.personKeys = personKeys;
		this.clientAddresses = clientAddresses;
		this.languages = languages;
	}

	@GetMapping("/practices")
	List<PracticeJson> practices(Locale locale) {
		return directory.activePractices().stream().map(p -> PracticeJson.of(p, locale)).toList();
	}

	@GetMapping("/practices/{practiceId}/free-days")
	List<LocalDate> freeDays(@PathVariable long practiceId, @RequestParam String month) {
		return availability.freeDays(practiceId, parsed(month, YearMonth::parse, "month is yyyy-MM"));
	}

	@GetMapping("/practices/{practiceId}/free-slots")
	List<FreeSlot> freeSlots(@PathVariable long practiceId, @RequestParam String day) {
		return availability.freeSlots(practiceId, parsed(day, LocalDate::parse, "day is yyyy-MM-dd"));
	}

	@PostMapping("/bookings")
	ResponseEntity<Object> book(Association association, Tenant questura,
			@RequestBody(required = false) NewBooking body, Authentication caller, HttpServletRequest request) {
		Client client = body == null ? null : body.client();
		if (client == null || client.fullName() == null || client.fullName().isBlank()) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "person.fullName.required");
		}
		PersonIdentity identity = client.identity();
		if (client.language() != null && !languages.isSupported(client.language())) {
			// an unknown value of a closed list: 400, naming the values the field takes
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "NOT_ALLOWED_VALUE", new DefaultMessageSourceResolvable(
					new String[] { "error.input.allowed" }, new Object[] { "client.language", String.join(", ",
							languages.codes()) }));
		}
		clients.remember(association.id(), client.fullName().strip(), personKeys.of(identity), client.email(),
				client.phone(), client.language());
		BookingOutcome outcome = bookings.book(body.request(association, identity, actor(caller))
			.from(clientAddresses.of(request)));
		if (outcome instanceof BookingOutcome.Entered entered) {
			// in the first seconds after a release the request is an entry of the draw: the result comes later
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EntryJson(questura.getSlug(), entered.entryId(),
					entered.kind().name()));
		}
		BookingReference reference = ((BookingOutcome.Booked) outcome).reference();
		return ResponseEntity.status(HttpStatus.CREATED).body(json(questura, reference));
	}

	@PostMapping("/bookings/{reference}/move")
	BookingJson move(Association association, Tenant questura, @PathVariable String reference,
			@RequestBody(required = false) Move body, Authentication caller) {
		BookingView booking = own(association, reference);
		if (body == null) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "journey.slot.required");
		}
		bookings.move(booking.reference(), body.slotId(), Channel.ASSOCIATION, actor(caller), null);
		return json(questura, booking.reference());
	}

	@PostMapping("/bookings/{reference}/cancel")
	BookingJson cancel(Association association, Tenant questura, @PathVariable String reference,
			Authentication caller) {
		BookingView booking = own(association, reference);
		bookings.cancel(booking.reference(), Channel.ASSOCIATION, actor(caller), null);
		return json(questura, booking.reference());
	}

	private BookingView own(Association association, String reference) {
		return associationBookings.own(association, reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private BookingJson json(Tenant questura, BookingReference reference) {
		return BookingJson.of(questura.getSlug(), queries.find(reference).orElseThrow());
	}

	/** Who the audit log says acted: the association's API key, or its member. */
	private static String actor(Authentication caller) {
		return caller.getPrincipal() instanceof ApiClient client ? client.actor()
				: ((SportelloPrincipal) caller.getPrincipal()).actor();
	}

	/** The month or day of a query; one that is not is a 422 that says the form it takes. */
	private static <T> T parsed(String text, Function<String, T> parser, String form) {
		try {
			return parser.apply(text);
		}
		catch (DateTimeParseException ex) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_DATE",
					new DefaultMessageSourceResolvable(new String[] { "error.input.date" }, new Object[] { form }, form));
		}
	}

	/** A practice as the API shows it. */
	record PracticeJson(long id, String code, String name, String kind, BookableBy bookableBy, int durationMinutes,
			List<String> documents) {

		static PracticeJson of(Practice p, Locale locale) {
			return new PracticeJson(p.getId(), p.getCode(), p.getName().in(locale).text(), p.getKind().name(),
					p.getBookableBy(), p.getDurationMinutes(), p.getDocuments().stream().map(d -> d.in(locale).text()).toList());
		}
	}

	/** A request entered in a release's draw or the waiting list instead of booked at once. */
	record EntryJson(String questura, long entryId, String kind) {
	}

	/** A booking request for a client. */
	record NewBooking(long practiceId, long slotId, Client client, String practiceNumber) {

		BookingRequest request(Association association, PersonIdentity identity, String actor) {
			return new BookingRequest(practiceId, slotId, Channel.ASSOCIATION, null, association.id(),
					List.of(new PersonDetails(client.fullName().strip(), identity, false, client.nationality(),
							client.birthDate())),
					practiceNumber, client.email(), client.phone(), client.language() == null ? "it" : client.language(),
					actor);
		}
	}

	/** The client: named, identified by codice fiscale or document, and how to reach them if known. */
	record Client(String fullName, String codiceFiscale, String documentType, String documentCountry,
			String documentNumber, String nationality, LocalDate birthDate, String email, String phone, String language) {

		/** The identity given; one that is missing or not well formed is a 422. */
		PersonIdentity identity() {
			try {
				return codiceFiscale != null && !codiceFiscale.isBlank() ? new PersonIdentity.TaxCode(codiceFiscale)
						: new PersonIdentity.Document(type(), documentCountry, documentNumber);
			}
			catch (InvalidIdentity invalid) {
				throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, invalid.getCode());
			}
		}

		private PersonIdentity.DocumentType type() {
			try {
				return PersonIdentity.DocumentType.valueOf(String.valueOf(documentType));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidIdentity("person.document.type.required");
			}
		}
	}

	/** A move to another slot. */
	record Move(long slotId) {
	}
}
