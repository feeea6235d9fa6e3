package it.sportello.web.booking;

import it.sportello.web.calendar.SlotCalendar;

import it.sportello.core.account.AccountBookings;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import it.sportello.core.account.Accounts;
import it.sportello.core.account.Role;
import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRequest;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationStatus;
import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.person.PersonIdentity.DocumentType;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.i18n.Choice;
import it.sportello.core.association.AssociationMemberships;
import it.sportello.web.i18n.Countries;
import it.sportello.web.i18n.Languages;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.person.PersonKeys;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The booking journey of one Questura: the practice, the person's details, a day and a time, the confirmation. Each
 * step is a page that posts to itself and redirects to the next; the booking is made by the last step alone.
 */
@Controller
@RequestMapping("/q/{slug}/book")
class JourneyController {

	private final Practices practices;

	private final SlotCalendar calendar;

	private final Availability availability;

	private final BookingService bookings;

	private final AccountBookings myBookings;

	private final Accounts accounts;

	private final OfficeProfiles profiles;

	private final MessageSource messages;

	private final Countries countries;

	private final AssociationMemberships associationOf;

	private final it.sportello.core.report.RequestOrigins origins;

	private final it.sportello.web.ratelimit.ClientAddresses clientAddresses;

	private final Languages languages;

	private final AssociationClients clients;

	private final PersonKeys personKeys;

	JourneyController(Practices practices, SlotCalendar calendar, Availability availability, BookingService bookings,
			AccountBookings myBookings, Accounts accounts, OfficeProfiles profiles, MessageSource messages, Countries countries, AssociationMemberships associationOf,
			it.sportello.core.report.RequestOrigins origins, it.sportello.web.ratelimit.ClientAddresses clientAddresses,
			Languages languages, AssociationClients clients, PersonKeys personKeys) {
		this.languages = languages;
		this.clients = clients;
		this.personKeys = personKeys;
		this.origins = origins;
		this.clientAddresses = clientAddresses;
		this.countries = countries;
		this.associationOf = associationOf;
		this.messages = messages;
		this.practices = practices;
		this.calendar = calendar;
		this.availability = availability;
		this.bookings = bookings;
		this.myBookings = myBookings;
		this.accounts = accounts;
		this.profiles = profiles;
	}

	@GetMapping
	String practices(Tenant questura, @AuthenticationPrincipal SportelloPrincipal user,
			Model model) {
		Optional<Association> association = bookingFor(user);
		model.addAttribute("questura", questura);
		model.addAttribute("association", association.orElse(null));
		model.addAttribute("practices", practices.findByActiveTrueOrderByPosition().stream()
			.filter(p -> bookable(p, association.isPresent()))
			.toList());
		if (association.isEmpty()) {
			myBookings.current(user.getAccountId()).ifPresent(mine -> model.addAttribute("mine", mine));
		}
		return "booking/practices";
	}

	@GetMapping("/{practiceId}")
	String details(Tenant questura, @PathVariable long practiceId,
			@AuthenticationPrincipal SportelloPrincipal user, HttpSession session, Model model) {
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		PersonForm form = journey != null ? journey.details() : newForm(user);
		return detailsPage(questura, practice(practiceId), form, model);
	}

	@PostMapping("/{practiceId}")
	String giveDetails(Tenant questura, @PathVariable long practiceId,
			@ModelAttribute("form") PersonForm form, BindingResult errors,
			@RequestParam(required = false) String addChild, @RequestParam(required = false) Integer removeChild,
			HttpSession session, HttpServletResponse response, Model model) {
		Practice practice = practice(practiceId);
		if (addChild != null) {
			if (form.getChildren().size() < PersonForm.MAX_CHILDREN) {
				form.getChildren().add(new PersonForm.ChildForm());
			}
			return detailsPage(questura, practice, form, model);
		}
		if (removeChild != null) {
			if (removeChild >= 0 && removeChild < form.getChildren().size()) {
				form.getChildren().remove((int) removeChild);
			}
			return detailsPage(questura, practice, form, model);
		}
		LocalDate today = LocalDate.now(profiles.getRequired().getTimeZone());
		if (bookingFor(currentUser()).isPresent()) {
			form.validateForClient(errors, today, practice.getKind() == PracticeKind.PICK_UP, languages.codes());
		}
		else {
			form.validate(errors, today, practice.getKind() == PracticeKind.PICK_UP);
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detailsPage(questura, practice, form, model);
		}
		Journey.start(session, questura.getSlug(), practiceId, form);
		return "redirect:/q/" + questura.getSlug() + "/book/" + practiceId + "/when";
	}

	@GetMapping("/{practiceId}/when")
	String when(Tenant questura, @PathVariable long practiceId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			HttpSession session, Model model) {
		Practice practice = practice(practiceId);
		if (Journey.of(session, questura.getSlug(), practiceId) == null) {
			return "redirect:/q/" + questura.getSlug() + "/book/" + practiceId;
		}
		return whenPage(questura, practice, month, day, model);
	}

	@PostMapping("/{practiceId}/when")
	String choose(Tenant questura, @PathVariable long practiceId,
			@RequestParam(required = false) Long slotId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, HttpSession session, HttpServletResponse response,
			Model model) {
		Practice practice = practice(practiceId);
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		if (journey == null) {
			return "redirect:/q/" + questura.getSlug() + "/book/" + practiceId;
		}
		if (slotId == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", "journey.slot.required");
			return whenPage(questura, practice, month, day, model);
		}
		if (availability.freeSlot(practiceId, slotId).isEmpty()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", "booking.refused.SLOT_NOT_BOOKABLE");
			return whenPage(questura, practice, month, day, model);
		}
		journey.choose(slotId);
		return "redirect:/q/" + questura.getSlug() + "/book/" + practiceId + "/confirm";
	}

	@GetMapping("/{practiceId}/confirm")
	String confirmation(Tenant questura, @PathVariable long practiceId, HttpSession session,
			Model model) {
		Practice practice = practice(practiceId);
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		if (journey == null || journey.slotId() == null) {
			return "redirect:/q/" + questura.getSlug() + "/book/" + practiceId;
		}
		return confirmPage(questura, practice, journey, model);
	}

	@PostMapping("/{practiceId}/confirm")
	String confirm(Tenant questura, @PathVariable long practiceId,
			@AuthenticationPrincipal SportelloPrincipal user, HttpSession session, HttpServletResponse response,
			Locale locale, Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
		Practice practice = practice(practiceId);
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		if (journey == null || journey.slotId() == null) {
			return "redirect:/q/" + questura.getSlug() + "/book/" + practiceId;
		}
		Optional<Association> association = bookingFor(user);
		if (association.isEmpty() && !user.has(Role.CITIZEN)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		PersonForm details = journey.details();
		BookingOutcome outcome;
		try {
			outcome = bookings.book(new BookingRequest(practiceId, journey.slotId(),
					association.isPresent() ? Channel.ASSOCIATION : Channel.CITIZEN, user.getAccountId(),
					association.map(Association::id).orElse(null), details.persons(), details.getPracticeNumber(),
					PersonFields.blank(details.getEmail()) ? null : details.getEmail().strip(),
					PersonFields.blank(details.getPhone()) ? null : details.getPhone().strip(),
					// a client's mails and receipt go out in the language the association gave for them
					association.isPresent() && details.getLanguage() != null ? details.getLanguage() : locale.getLanguage(),
					user.actor()));
		}
		catch (BookingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", refused.getCode());
			return confirmPage(questura, practice, journey, model);
		}
		Journey.end(session, questura.getSlug());
		origins.record(outcome instanceof BookingOutcome.Booked booked ? booked.reference().value() : null,
				outcome instanceof BookingOutcome.Entered entry ? entry.entryId() : null, user.getAccountId(),
				clientAddresses.of(request));
		if (outcome instanceof BookingOutcome.Entered entered) {
			model.addAttribute("questura", questura);
			model.addAttribute("entered", entered);
			return "booking/entered";
		}
		if (association.isPresent()) {
			clients.remember(association.get().id(), details.getFullName().strip(), personKeys.of(details.identity()),
					PersonFields.blank(details.getEmail()) ? null : details.getEmail().strip(),
					PersonFields.blank(details.getPhone()) ? null : details.getPhone().strip(), details.getLanguage());
			redirect.addFlashAttribute("done", "association.booking.made");
			// the client's receipt (reference, QR code, PDF), for the association to hand over
			return "redirect:/association/bookings/" + questura.getSlug() + "/"
					+ ((BookingOutcome.Booked) outcome).reference().value() + "/receipt";
		}
		return "redirect:/q/" + questura.getSlug() + "/book/done";
	}

	@GetMapping("/done")
	String done(Tenant questura, @AuthenticationPrincipal SportelloPrincipal user,
			Model model) {
		return myBookings.current(user.getAccountId())
			.filter(mine -> mine.questura().getSlug().equals(questura.getSlug()))
			.map(mine -> {
				model.addAttribute("mine", mine);
				return "booking/done";
			})
			.orElse("redirect:/me");
	}

	private String detailsPage(Tenant questura, Practice practice, PersonForm form, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("documentTypes", Arrays.stream(DocumentType.values())
			.map(type -> new Choice(type.name(), messages.getMessage("person.documentType." + type.name(), null, locale)))
			.toList());
		model.addAttribute("countries", countries.all(locale));
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("form", form);
		model.addAttribute("maxChildren", PersonForm.MAX_CHILDREN);
		// an association's member fills in their client's data: the page speaks of the client
		model.addAttribute("association", bookingFor(currentUser()).orElse(null));
		model.addAttribute("clientLanguages", languages.supported());
		return "booking/details";
	}

	private String whenPage(Tenant questura, Practice practice, String month, String day, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("calendar", calendar.show(practice.getId(), month, day, LocaleContextHolder.getLocale()));
		model.addAttribute("base", "/q/" + questura.getSlug() + "/book/" + practice.getId() + "/when");
		return "booking/when";
	}

	private String confirmPage(Tenant questura, Practice practice, Journey journey, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("details", journey.details());
		FreeSlot slot = availability.freeSlot(practice.getId(), journey.slotId()).orElse(null);
		model.addAttribute("slot", slot);
		model.addAttribute("zone", profiles.getRequired().getTimeZone());
		return "booking/confirm";
	}

	private PersonForm newForm(SportelloPrincipal user) {
		PersonForm form = new PersonForm();
		if (bookingFor(user).isPresent()) {
			// the association's client: their name and address, not the member's
			return form;
		}
		form.setFullName(user.getDisplayName());
		accounts.findById(user.getAccountId()).ifPresent(account -> form.setEmail(account.getEmail()));
		return form;
	}

	/** An active practice that this person books online (as a citizen or for an association); else not found. */
	private Practice practice(long practiceId) {
		boolean forAssociation = bookingFor(currentUser()).isPresent();
		return practices.findById(practiceId)
			.filter(p -> p.isActive() && bookable(p, forAssociation))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static boolean bookable(Practice practice, boolean forAssociation) {
		return practice.getBookableBy() != (forAssociation ? BookableBy.CITIZENS : BookableBy.ASSOCIATIONS);
	}

	/** The accredited association the person books for, if they are one of its members; else they book for themselves. */
	private Optional<Association> bookingFor(SportelloPrincipal user) {
		return user == null ? Optional.empty()
				: associationOf.association(user.getAccountId()).filter(a -> a.status() == AssociationStatus.APPROVED);
	}

	private static SportelloPrincipal currentUser() {
		Object principal = SecurityContextHolder.getContext().getAuthentication() == null ? null
				: SecurityContextHolder.getContext().getAuthentication().getPrincipal();
		return principal instanceof SportelloPrincipal user ? user : null;
	}
}
