package it.sportello.web.backoffice;

import java.time.Instant;
import java.time.ZoneId;

import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.CheckIn;
import it.sportello.core.message.Messages;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
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
 * A booking's page for the office: its persons, history and messages, and what the counter records on it (served, a
 * no-show once the appointment has started and confirmed, undone the same day), a message, a cancellation for an
 * office reason. An action taken from the agenda (its {@code date} given) returns to the agenda's day.
 */
@Controller
@RequestMapping("/q/{slug}/admin/bookings/{reference}")
class BookingPageController {

	private final OfficeBookings bookings;

	private final BookingService service;

	private final CheckIn checkIn;

	private final Messages messages;

	private final AuditLog audit;

	private final OfficeProfiles profiles;

	BookingPageController(OfficeBookings bookings, BookingService service, CheckIn checkIn, Messages messages,
			AuditLog audit, OfficeProfiles profiles) {
		this.bookings = bookings;
		this.service = service;
		this.checkIn = checkIn;
		this.messages = messages;
		this.audit = audit;
		this.profiles = profiles;
	}

	@GetMapping
	String booking(Tenant questura, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal staff, Model model) {
		return page(questura, bookings.find(reference), staff, model);
	}

	@PostMapping("/served")
	String served(Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) String date, @RequestParam(required = false) Long line,
			@AuthenticationPrincipal SportelloPrincipal staff, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		BookingView booking = bookings.find(reference);
		return act(questura, booking, staff, response, model, redirect, "backoffice.served.done", back(date, line),
				() -> checkIn.served(booking.reference(), staff.staffActor()));
	}

	/**
	 * The question before a no-show is recorded; refused (409) while the appointment has not started, or once the
	 * booking is no longer booked.
	 */
	@GetMapping("/no-show")
	String noShowPage(Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) String date, @RequestParam(required = false) Long line,
			HttpServletResponse response, Model model) {
		BookingView booking = bookings.find(reference);
		Reason refused = booking.status() != BookingStatus.BOOKED ? Reason.NOT_IN_A_STATE_TO_DO_THAT
				: booking.startsAt().isAfter(Instant.now()) ? Reason.NOT_STARTED_YET : null;
		if (refused != null) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", new BookingRefused(refused).getCode());
		}
		model.addAttribute("questura", questura);
		model.addAttribute("booking", booking);
		model.addAttribute("zone", zone());
		model.addAttribute("date", date);
		model.addAttribute("line", line);
		return "backoffice/no-show";
	}

	/** Records the no-show once confirmed on its page; without the confirmation it only asks. */
	@PostMapping("/no-show")
	String noShow(Tenant questura, @PathVariable String reference,
			@RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) String date,
			@RequestParam(required = false) Long line, @AuthenticationPrincipal SportelloPrincipal staff,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		BookingView booking = bookings.find(reference);
		if (!confirmed) {
			if (date != null) {
				redirect.addAttribute("date", date);
			}
			if (line != null) {
				redirect.addAttribute("line", line);
			}
			return bookingPage(questura, booking) + "/no-show";
		}
		return act(questura, booking, staff, response, model, redirect, "backoffice.noShow.done", back(date, line),
				() -> checkIn.noShow(booking.reference(), staff.staffActor()));
	}

	@PostMapping("/no-show/undo")
	String undoNoShow(Tenant questura, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal staff, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		BookingView booking = bookings.find(reference);
		return act(questura, booking, staff, response, model, redirect, "backoffice.noShow.undone", null,
				() -> checkIn.undoNoShow(booking.reference(), staff.staffActor()));
	}

	@PostMapping("/message")
	String message(Tenant questura, @PathVariable String reference,
			@RequestParam(defaultValue = "") String body, @AuthenticationPrincipal SportelloPrincipal staff,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		BookingView booking = bookings.find(reference);
		if (body.isBlank() || body.length() > 4000) {
			return Answers.back(redirect, "backoffice.message.invalid", bookingPage(questura, booking));
		}
		return act(questura, booking, staff, response, model, redirect, "backoffice.message.done", null,
				() -> messages.send(booking.reference(), staff.staffActor(), body));
	}

	@PostMapping("/cancel")
	String cancel(Tenant questura, @PathVariable String reference,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal SportelloPrincipal staff,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		BookingView booking = bookings.find(reference);
		if (reason.isBlank()) {
			return Answers.back(redirect, "backoffice.reason.required", bookingPage(questura, booking));
		}
		return act(questura, booking, staff, response, model, redirect, "backoffice.cancel.done", null,
				() -> service.cancel(booking.reference(), Channel.OFFICE, staff.staffActor(), reason.strip()));
	}

	/**
	 * Runs the action and goes back where it was taken from (the agenda's day, or the booking's page) with what it did;
	 * a refusal shows the booking's page again with the reason (409).
	 */
	private String act(Tenant questura, BookingView booking, SportelloPrincipal staff, HttpServletResponse response,
			Model model, RedirectAttributes redirect, String done, AgendaDay back, Runnable action) {
		try {
			action.run();
		}
		catch (BookingRefused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", refused.getCode());
			return page(questura, bookings.find(booking.reference().value()), staff, model);
		}
		redirect.addFlashAttribute("done", done);
		redirect.addFlashAttribute("doneReference", booking.reference().value());
		return back == null ? bookingPage(questura, booking) : "redirect:" + back.url(questura.getSlug());
	}

	private String page(Tenant questura, BookingView booking, SportelloPrincipal staff, Model model) {
		ZoneId zone = zone();
		audit.looked(staff.staffActor(), "booking page", booking.reference().value(), null);
		model.addAttribute("questura", questura);
		model.addAttribute("booking", booking);
		model.addAttribute("zone", zone);
		model.addAttribute("now", Instant.now());
		model.addAttribute("canUndoNoShow", checkIn.canUndoNoShow(booking.reference()));
		model.addAttribute("messages", messages.of(booking.reference()));
		model.addAttribute("history", audit.forBooking(booking.reference().value()));
		model.addAttribute("bookingDay", booking.startsAt().atZone(zone).toLocalDate());
		return "backoffice/booking";
	}

	/** The redirect to the booking's page. */
	private static String bookingPage(Tenant questura, BookingView booking) {
		return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + booking.reference().value();
	}

	/** The agenda's day an action was taken from, if it was. */
	private AgendaDay back(String date, Long line) {
		return date == null || date.isBlank() ? null : AgendaDay.of(date, line, zone());
	}

	private ZoneId zone() {
		return profiles.getRequired().getTimeZone();
	}
}
