package it.sportello.web.association;

import java.time.ZoneId;

import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationBookings;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.association.AssociationOffices;
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

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final AssociationOffices offices;

	private final AssociationBookings associationBookings;

	private final AssociationClients clients;

	private final Tenants tenants;

	private final BookingService bookings;

	private final SlotCalendar calendar;

	AssociationBookingsController(AssociationOffices offices, AssociationBookings associationBookings,
			AssociationClients clients, Tenants tenants, BookingService bookings, SlotCalendar calendar) {
		this.offices = offices;
		this.associationBookings = associationBookings;
		this.clients = clients;
		this.tenants = tenants;
		this.bookings = bookings;
		this.calendar = calendar;
	}

	@GetMapping("/book")
	String whereToBook(Association association, Model model) {
		model.addAttribute("association", association);
		model.addAttribute("offices", offices.of(association));
		return "association/book";
	}

	@GetMapping("/bookings")
	String bookings(Association association, Model model) {
		model.addAttribute("association", association);
		model.addAttribute("bookings", associationBookings.of(association));
		model.addAttribute("zone", ROME);
		model.addAttribute("clients", clients.of(association.id()));
		return "association/bookings";
	}

	@PostMapping("/bookings/{slug}/{reference}/cancel")
	String cancel(Association association, @PathVariable String slug, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal user, RedirectAttributes redirect) {
		TenantContext.runAs(questura(slug).asCurrent(), () -> {
			BookingView booking = own(association, reference);
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
	String movePage(Association association, @PathVariable String slug, @PathVariable String reference,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day, Model model) {
		Tenant tenant = questura(slug);
		TenantContext.runAs(tenant.asCurrent(), () -> {
			BookingView booking = own(association, reference);
			model.addAttribute("booking", booking);
			model.addAttribute("questura", tenant);
			model.addAttribute("calendar", calendar.show(booking.practiceId(), month, day,
					LocaleContextHolder.getLocale()));
			model.addAttribute("base", "/association/bookings/" + slug + "/" + booking.reference().value() + "/move");
		});
		return "association/move";
	}

	@PostMapping("/bookings/{slug}/{reference}/move")
	String move(Association association, @PathVariable String slug, @PathVariable String reference,
			@RequestParam(required = false) Long slotId, @AuthenticationPrincipal SportelloPrincipal user,
			RedirectAttributes redirect) {
		Tenant tenant = questura(slug);
		if (slotId == null) {
			redirect.addFlashAttribute("problem", "journey.slot.required");
			return "redirect:/association/bookings/" + slug + "/" + reference + "/move";
		}
		TenantContext.runAs(tenant.asCurrent(), () -> {
			BookingView booking = own(association, reference);
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
	private BookingView own(Association association, String reference) {
		return associationBookings.own(association, reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
