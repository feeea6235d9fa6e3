package it.sportello.web.association;

import it.sportello.core.association.AssociationBookings;

import it.sportello.core.association.AssociationMemberships;

import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import it.sportello.web.calendar.SlotCalendar;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an association books for a client (the Questure open to it, each leading to its booking journey) and the
 * association's bookings across Questure, which it may move or cancel (the client is told by e-mail).
 */
@Controller
@RequestMapping("/association")
class AssociationBookingsController {

	private final AssociationMemberships associationOf;

	private final AssociationOffices offices;

	private final AssociationBookings associationBookings;

	private final AssociationClients clients;

	private final Tenants tenants;

	private final BookingQueries queries;

	private final BookingService bookings;

	private final SlotCalendar calendar;

	AssociationBookingsController(AssociationMemberships associationOf, AssociationOffices offices,
			AssociationBookings associationBookings, AssociationClients clients, Tenants tenants, BookingQueries queries,
			BookingService bookings, SlotCalendar calendar) {
		this.associationOf = associationOf;
		this.offices = offices;
		this.associationBookings = associationBookings;
		this.clients = clients;
		this.tenants = tenants;
		this.queries = queries;
		this.bookings = bookings;
		this.calendar = calendar;
	}

	@GetMapping("/book")
	String whereToBook(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Association a = associationOf.accredited(user.getAccountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		model.addAttribute("association", a);
		model.addAttribute("offices", offices.of(a));
		return "association/book";
	}

	@GetMapping("/bookings")
	String bookings(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Association a = associationOf.accredited(user.getAccountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		model.addAttribute("association", a);
		model.addAttribute("bookings", associationBookings.of(a));
		model.addAttribute("zone", java.time.ZoneId.of("Europe/Rome"));
		model.addAttribute("clients", clients.of(a.id()));
		return "association/bookings";
	}

	@PostMapping("/bookings/{slug}/{reference}/cancel")
	String cancel(@PathVariable String slug, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal user, RedirectAttributes redirect) {
		Association a = associationOf.accredited(user.getAccountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		TenantContext.runAs(questura(slug).asCurrent(), () -> {
			BookingView booking = own(reference, a);
			try {
				bookings.cancel(booking.reference(), Channel.ASSOCIATION, user.actor(), null);
				redirect.addFlashAttribute("done", "association.booking.cancelled");
			}
			catch (BookingRefused refused) {
				redirect.addFlashAttribute("problem", refused.getCode());
			}
		});
		return "redirect:/association/bookings";
	}

	@GetMapping("/bookings/{slug}/{reference}/move")
	String movePage(@PathVariable String slug, @PathVariable String reference,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Association a = associationOf.accredited(user.getAccountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		Tenant tenant = questura(slug);
		TenantContext.runAs(tenant.asCurrent(), () -> {
			BookingView booking = own(reference, a);
			model.addAttribute("booking", booking);
			model.addAttribute("questura", tenant);
			model.addAttribute("calendar", calendar.show(booking.practiceId(), month, day,
					LocaleContextHolder.getLocale()));
			model.addAttribute("base", "/association/bookings/" + slug + "/" + booking.reference().value() + "/move");
		});
		return "association/move";
	}

	@PostMapping("/bookings/{slug}/{reference}/move")
	String move(@PathVariable String slug, @PathVariable String reference, @RequestParam(required = false) Long slotId,
			@AuthenticationPrincipal SportelloPrincipal user, RedirectAttributes redirect) {
		Association a = associationOf.accredited(user.getAccountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		Tenant tenant = questura(slug);
		if (slotId == null) {
			redirect.addFlashAttribute("problem", "journey.slot.required");
			return "redirect:/association/bookings/" + slug + "/" + reference + "/move";
		}
		TenantContext.runAs(tenant.asCurrent(), () -> {
			BookingView booking = own(reference, a);
			try {
				bookings.move(booking.reference(), slotId, Channel.ASSOCIATION, user.actor(), null);
				redirect.addFlashAttribute("done", "me.booking.moved");
			}
			catch (BookingRefused refused) {
				redirect.addFlashAttribute("problem", refused.getCode());
			}
		});
		return "redirect:/association/bookings";
	}

	private Tenant questura(String slug) {
		return tenants.findActive(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** A booking of the current Questura made by the association; any other is not found. */
	private BookingView own(String reference, Association association) {
		return BookingReference.parse(reference)
			.flatMap(queries::find)
			.filter(b -> Long.valueOf(association.id()).equals(b.associationId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
