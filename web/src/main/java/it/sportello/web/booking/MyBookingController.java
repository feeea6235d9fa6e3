package it.sportello.web.booking;

import static it.sportello.web.booking.MyReceiptController.mine;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.Appointment;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.ConfirmOrRelease;
import it.sportello.web.calendar.SlotCalendar;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the signed-in person does with their booking: move it, cancel it, confirm it when the office asks, and accept
 * a place the waiting list offers. The booking is the account's own, found from its claim.
 */
@Controller
@RequestMapping("/me/booking")
class MyBookingController {

	private final AccountBookings myBookings;

	private final SlotCalendar calendar;

	private final BookingService bookings;

	private final ConfirmOrRelease confirmations;

	MyBookingController(AccountBookings myBookings, SlotCalendar calendar, BookingService bookings,
			ConfirmOrRelease confirmations) {
		this.myBookings = myBookings;
		this.calendar = calendar;
		this.bookings = bookings;
		this.confirmations = confirmations;
	}

	@GetMapping("/move")
	String movePage(@AuthenticationPrincipal SportelloPrincipal user, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, Model model) {
		return movePage(mine(myBookings, user), month, day, model);
	}

	@PostMapping("/move")
	String move(@AuthenticationPrincipal SportelloPrincipal user, @RequestParam(required = false) Long slotId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Appointment mine = mine(myBookings, user);
		if (slotId == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", "journey.slot.required");
			return movePage(mine, month, day, model);
		}
		try {
			myBookings.inQuestura(mine,
					() -> bookings.move(mine.booking().reference(), slotId, Channel.CITIZEN, user.actor(), null));
		}
		catch (BookingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", refused.getCode());
			return movePage(mine, month, day, model);
		}
		redirect.addFlashAttribute("done", "me.booking.moved");
		return "redirect:/me";
	}

	@GetMapping("/cancel")
	String cancelPage(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		model.addAttribute("mine", mine(myBookings, user));
		return "booking/cancel";
	}

	@PostMapping("/cancel")
	String cancel(@AuthenticationPrincipal SportelloPrincipal user, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Appointment mine = mine(myBookings, user);
		try {
			myBookings.inQuestura(mine,
					() -> bookings.cancel(mine.booking().reference(), Channel.CITIZEN, user.actor(), null));
		}
		catch (BookingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("mine", mine);
			model.addAttribute("problem", refused.getCode());
			return "booking/cancel";
		}
		redirect.addFlashAttribute("done", "me.booking.cancelled");
		return "redirect:/me";
	}

	@GetMapping("/confirm")
	String confirmPage(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		model.addAttribute("mine", mine(myBookings, user));
		return "booking/confirm-booking";
	}

	@PostMapping("/confirm")
	String confirm(@AuthenticationPrincipal SportelloPrincipal user, RedirectAttributes redirect) {
		Appointment mine = mine(myBookings, user);
		myBookings.inQuestura(mine, () -> confirmations.confirm(mine.booking().reference(), user.actor()));
		redirect.addFlashAttribute("done", "me.confirm.done");
		return "redirect:/me";
	}

	@PostMapping("/offers/{slug}/{offerId}/accept")
	String accept(@PathVariable String slug, @PathVariable long offerId, @AuthenticationPrincipal SportelloPrincipal user,
			RedirectAttributes redirect) {
		myBookings.acceptOffer(user.getAccountId(), slug, offerId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		redirect.addFlashAttribute("done", "me.offer.accepted");
		return "redirect:/me";
	}

	/** A confirmation or an offer the rules refuse is told on the person's page, where they chose it. */
	@ExceptionHandler(BookingRefused.class)
	String refused(BookingRefused refused, RedirectAttributes redirect) {
		redirect.addFlashAttribute("offerProblem",
				refused.getReason() == BookingRefused.Reason.UNKNOWN_BOOKING ? "me.offer.gone" : refused.getCode());
		return "redirect:/me";
	}

	private String movePage(Appointment mine, String month, String day, Model model) {
		model.addAttribute("mine", mine);
		model.addAttribute("calendar", myBookings.inQuestura(mine,
				() -> calendar.show(mine.booking().practiceId(), month, day, LocaleContextHolder.getLocale())));
		model.addAttribute("base", "/me/booking/move");
		return "booking/move";
	}
}
