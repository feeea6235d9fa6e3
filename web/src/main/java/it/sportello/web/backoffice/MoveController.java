package it.sportello.web.backoffice;

import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff move a booking to another slot of its practice, for an office reason. */
@Controller
@RequestMapping("/q/{slug}/admin/bookings/{reference}/move")
class MoveController {

	private final OfficeBookings bookings;

	private final BookingService service;

	private final SlotChoicePage page;

	MoveController(OfficeBookings bookings, BookingService service, SlotChoicePage page) {
		this.bookings = bookings;
		this.service = service;
		this.page = page;
	}

	@GetMapping
	String movePage(Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day, Model model) {
		BookingView booking = bookings.find(reference);
		return page.show(questura, booking, booking.practiceId(), "move", month, day, model);
	}

	@PostMapping
	String move(Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) Long slotId, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal SportelloPrincipal staff, RedirectAttributes redirect) {
		String bookingPage = "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference;
		if (slotId == null || reason.isBlank()) {
			return Answers.back(redirect, slotId == null ? "journey.slot.required" : "backoffice.reason.required",
					bookingPage + "/move");
		}
		return Answers.unlessRefused(redirect, bookingPage, () -> {
			service.move(bookings.find(reference).reference(), slotId, Channel.OFFICE, staff.staffActor(),
					reason.strip());
			redirect.addFlashAttribute("done", "backoffice.move.done");
			return bookingPage;
		});
	}
}
