package it.sportello.web.booking;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.booking.BookablePractices;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.slot.Availability;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.calendar.SlotCalendar;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The journey's choices: the practice (the first page of a Questura's booking journey) and, once the person's details
 * are given, the day and the time.
 */
@Controller
@RequestMapping("/q/{slug}/book")
class JourneyChoicesController {

	private final BookablePractices practices;

	private final AccountBookings myBookings;

	private final SlotCalendar calendar;

	private final Availability availability;

	JourneyChoicesController(BookablePractices practices, AccountBookings myBookings, SlotCalendar calendar,
			Availability availability) {
		this.practices = practices;
		this.myBookings = myBookings;
		this.calendar = calendar;
		this.availability = availability;
	}

	@GetMapping
	String practices(Tenant questura, Booker booker, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("association", booker.association());
		model.addAttribute("practices", practices.of(booker.channel()));
		if (!booker.forClient()) {
			myBookings.current(booker.person().getAccountId()).ifPresent(mine -> model.addAttribute("mine", mine));
		}
		return "booking/practices";
	}

	@GetMapping("/{practiceId}/when")
	String when(Tenant questura, Booker booker, @PathVariable long practiceId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			HttpSession session, Model model) {
		Practice practice = booker.practice(practices, practiceId);
		if (Journey.of(session, questura.getSlug(), practiceId) == null) {
			return Journey.redirect(questura, practiceId, "");
		}
		return whenPage(questura, practice, month, day, model);
	}

	@PostMapping("/{practiceId}/when")
	String choose(Tenant questura, Booker booker, @PathVariable long practiceId,
			@RequestParam(required = false) Long slotId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, HttpSession session, HttpServletResponse response,
			Model model) {
		Practice practice = booker.practice(practices, practiceId);
		Journey journey = Journey.of(session, questura.getSlug(), practiceId);
		if (journey == null) {
			return Journey.redirect(questura, practiceId, "");
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
		return Journey.redirect(questura, practiceId, "confirm");
	}

	private String whenPage(Tenant questura, Practice practice, String month, String day, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("calendar", calendar.show(practice.getId(), month, day, LocaleContextHolder.getLocale()));
		model.addAttribute("base", Journey.path(questura, practice.getId(), "when"));
		return "booking/when";
	}
}
