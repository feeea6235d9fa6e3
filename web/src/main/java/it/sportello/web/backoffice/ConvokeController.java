package it.sportello.web.backoffice;

import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingService;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.catalogue.Practices;
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

/**
 * After a served application, staff convoke its persons to pick up their permit: an office-channel appointment, the
 * one booking the back office makes.
 */
@Controller
@RequestMapping("/q/{slug}/admin/bookings/{reference}/convoke")
class ConvokeController {

	private final OfficeBookings bookings;

	private final BookingService service;

	private final Practices practices;

	private final SlotChoicePage page;

	ConvokeController(OfficeBookings bookings, BookingService service, Practices practices, SlotChoicePage page) {
		this.bookings = bookings;
		this.service = service;
		this.practices = practices;
		this.page = page;
	}

	@GetMapping
	String convokePage(Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) Long practice, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, Model model) {
		model.addAttribute("pickUps", practices.findByActiveTrueOrderByPosition().stream()
			.filter(p -> p.getKind() == PracticeKind.PICK_UP)
			.toList());
		model.addAttribute("pickUp", practice);
		return page.show(questura, bookings.find(reference), practice, "convoke", month, day, model);
	}

	@PostMapping
	String convoke(Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) Long practice, @RequestParam(required = false) Long slotId,
			@AuthenticationPrincipal SportelloPrincipal staff, RedirectAttributes redirect) {
		String base = "redirect:/q/" + questura.getSlug() + "/admin/bookings/";
		if (practice == null || slotId == null) {
			return Answers.back(redirect, "journey.slot.required", base + reference + "/convoke");
		}
		return Answers.unlessRefused(redirect, base + reference + "/convoke?practice=" + practice, () -> {
			BookingReference convocation = service.convoke(bookings.find(reference).reference(), practice, slotId,
					staff.staffActor());
			redirect.addFlashAttribute("done", "backoffice.convoke.done");
			return base + convocation.value();
		});
	}
}
