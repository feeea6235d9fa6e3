package it.sportello.web.booking;

import java.util.Locale;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.booking.BookablePractices;
import it.sportello.core.booking.BookingOutcome;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.slot.Availability;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.ratelimit.ClientAddresses;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The journey's last step: what will be booked, the button that books it (the only step that does), and what came of
 * it: a booking, an entry in a release's draw, or a refusal shown on the same page.
 */
@Controller
@RequestMapping("/q/{slug}/book")
class JourneyConfirmController {

	private final BookablePractices practices;

	private final Availability availability;

	private final OfficeProfiles profiles;

	private final BookingService bookings;

	private final AccountBookings myBookings;

	private final ClientAddresses clientAddresses;

	private final AssociationClients clients;

	private final PersonKeys personKeys;

	JourneyConfirmController(BookablePractices practices, Availability availability, OfficeProfiles profiles,
			BookingService bookings, AccountBookings myBookings, ClientAddresses clientAddresses,
			AssociationClients clients, PersonKeys personKeys) {
		this.practices = practices;
		this.availability = availability;
		this.profiles = profiles;
		this.bookings = bookings;
		this.myBookings = myBookings;
		this.clientAddresses = clientAddresses;
		this.clients = clients;
		this.personKeys = personKeys;
	}

	@GetMapping("/{practiceId}/confirm")
	String confirmation(Tenant questura, Booker booker, @PathVariable long practiceId, HttpSession session,
			Model model) {
		Practice practice = booker.practice(practices, practiceId);
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		if (journey == null || journey.slotId() == null) {
			return Journey.redirect(questura, practiceId, "");
		}
		return confirmPage(questura, practice, journey, model);
	}

	@PostMapping("/{practiceId}/confirm")
	String confirm(Tenant questura, Booker booker, @PathVariable long practiceId, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model,
			RedirectAttributes redirect) {
		Practice practice = booker.practice(practices, practiceId);
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		if (journey == null || journey.slotId() == null) {
			return Journey.redirect(questura, practiceId, "");
		}
		BookingOutcome outcome;
		try {
			outcome = bookings.book(journey.request(booker.mayBook(), locale).from(clientAddresses.of(request)));
		}
		catch (BookingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", refused.getCode());
			return confirmPage(questura, practice, journey, model);
		}
		Journey.end(session, questura.getSlug());
		if (outcome instanceof BookingOutcome.Entered entered) {
			model.addAttribute("questura", questura);
			model.addAttribute("entered", entered);
			return "booking/entered";
		}
		if (booker.forClient()) {
			PersonForm client = journey.details();
			clients.remember(booker.associationId(), client.getFullName().strip(), personKeys.of(client.identity()),
					client.contactEmail(), client.contactPhone(), client.getLanguage());
			redirect.addFlashAttribute("done", "association.booking.made");
			// the client's receipt (reference, QR code, PDF), for the association to hand over
			return "redirect:/association/bookings/" + questura.getSlug() + "/"
					+ ((BookingOutcome.Booked) outcome).reference().value() + "/receipt";
		}
		return "redirect:/q/" + questura.getSlug() + "/book/done";
	}

	@GetMapping("/done")
	String done(Tenant questura, @AuthenticationPrincipal SportelloPrincipal user, Model model) {
		return myBookings.current(user.getAccountId())
			.filter(mine -> mine.questura().getSlug().equals(questura.getSlug()))
			.map(mine -> {
				model.addAttribute("mine", mine);
				return "booking/done";
			})
			.orElse("redirect:/me");
	}

	private String confirmPage(Tenant questura, Practice practice, Journey journey, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("details", journey.details());
		model.addAttribute("slot", availability.freeSlot(practice.getId(), journey.slotId()).orElse(null));
		model.addAttribute("zone", profiles.getRequired().getTimeZone());
		return "booking/confirm";
	}
}
