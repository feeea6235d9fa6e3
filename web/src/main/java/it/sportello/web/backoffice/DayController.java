package it.sportello.web.backoffice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import it.sportello.core.audit.AuditLog;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.booking.CheckIn;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.message.Messages;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.booking.SlotCalendar;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter's day: the agenda of a day per service line, check-in with the document shown, the outcome, messages,
 * moves and cancellations for an office reason, and the convocation to pick up a permit. Staff of the Questura only;
 * nothing here books for anyone except the convocation, an office-channel appointment after a served application.
 */
@Controller
@RequestMapping("/q/{slug}/admin")
class DayController {

	private static final String TENANT = "it.sportello.core.tenancy.Tenant";

	private final BookingQueries queries;

	private final BookingService bookings;

	private final CheckIn checkIn;

	private final Messages messages;

	private final AuditLog audit;

	private final OfficeProfiles profiles;

	private final ServiceLines serviceLines;

	private final Practices practices;

	private final SlotCalendar calendar;

	DayController(BookingQueries queries, BookingService bookings, CheckIn checkIn, Messages messages, AuditLog audit,
			OfficeProfiles profiles, ServiceLines serviceLines, Practices practices, SlotCalendar calendar) {
		this.queries = queries;
		this.bookings = bookings;
		this.checkIn = checkIn;
		this.messages = messages;
		this.audit = audit;
		this.profiles = profiles;
		this.serviceLines = serviceLines;
		this.practices = practices;
		this.calendar = calendar;
	}

	@GetMapping
	String home(@RequestAttribute(TENANT) Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		return "backoffice/home";
	}

	@GetMapping("/day")
	String day(@RequestAttribute(TENANT) Tenant questura, @RequestParam(required = false) String date,
			@RequestParam(required = false) Long line, Model model) {
		model.addAttribute("checkIn", new CheckInForm());
		return dayPage(questura, date, line, model);
	}

	@PostMapping("/check-in")
	String checkIn(@RequestAttribute(TENANT) Tenant questura, @ModelAttribute("checkIn") CheckInForm form,
			BindingResult errors, @AuthenticationPrincipal SportelloPrincipal staff, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		BookingReference reference = form.reference(errors);
		PersonIdentity shown = form.identity(errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return dayPage(questura, null, null, model);
		}
		try {
			checkIn.checkIn(reference, shown, actor(staff));
		}
		catch (BookingRefused refused) {
			response.setStatus(refused.getReason() == BookingRefused.Reason.UNKNOWN_BOOKING ? HttpStatus.NOT_FOUND.value()
					: HttpStatus.CONFLICT.value());
			model.addAttribute("problem", refused.getCode());
			return dayPage(questura, null, null, model);
		}
		redirect.addFlashAttribute("done", "backoffice.checkIn.done");
		redirect.addFlashAttribute("doneReference", reference.value());
		return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference.value();
	}

	@GetMapping("/bookings/{reference}")
	String booking(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal staff, Model model) {
		BookingView booking = find(reference);
		audit.looked(actor(staff), "booking page", booking.reference().value(), null);
		model.addAttribute("questura", questura);
		model.addAttribute("booking", booking);
		model.addAttribute("zone", zone());
		model.addAttribute("messages", messages.of(booking.reference()));
		model.addAttribute("history", audit.forBooking(booking.reference().value()));
		model.addAttribute("bookingDay", booking.startsAt().atZone(zone()).toLocalDate());
		return "backoffice/booking";
	}

	@PostMapping("/bookings/{reference}/served")
	String served(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal staff, RedirectAttributes redirect) {
		return act(questura, reference, redirect, "backoffice.served.done",
				() -> checkIn.served(find(reference).reference(), actor(staff)));
	}

	@PostMapping("/bookings/{reference}/no-show")
	String noShow(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal staff, RedirectAttributes redirect) {
		return act(questura, reference, redirect, "backoffice.noShow.done",
				() -> checkIn.noShow(find(reference).reference(), actor(staff)));
	}

	@PostMapping("/bookings/{reference}/message")
	String message(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@RequestParam(defaultValue = "") String body, @AuthenticationPrincipal SportelloPrincipal staff,
			RedirectAttributes redirect) {
		if (body.isBlank() || body.length() > 4000) {
			redirect.addFlashAttribute("problem", "backoffice.message.invalid");
			return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference;
		}
		return act(questura, reference, redirect, "backoffice.message.done",
				() -> messages.send(find(reference).reference(), actor(staff), body));
	}

	@PostMapping("/bookings/{reference}/cancel")
	String cancel(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal SportelloPrincipal staff,
			RedirectAttributes redirect) {
		if (reason.isBlank()) {
			redirect.addFlashAttribute("problem", "backoffice.reason.required");
			return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference;
		}
		return act(questura, reference, redirect, "backoffice.cancel.done",
				() -> bookings.cancel(find(reference).reference(), Channel.OFFICE, actor(staff), reason.strip()));
	}

	@GetMapping("/bookings/{reference}/move")
	String movePage(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day, Model model) {
		BookingView booking = find(reference);
		return choosePage(questura, booking, booking.practiceId(), "move", month, day, model);
	}

	@PostMapping("/bookings/{reference}/move")
	String move(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) Long slotId, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal SportelloPrincipal staff, RedirectAttributes redirect) {
		if (slotId == null || reason.isBlank()) {
			redirect.addFlashAttribute("problem", slotId == null ? "journey.slot.required" : "backoffice.reason.required");
			return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference + "/move";
		}
		return act(questura, reference, redirect, "backoffice.move.done",
				() -> bookings.move(find(reference).reference(), slotId, Channel.OFFICE, actor(staff), reason.strip()));
	}

	@GetMapping("/bookings/{reference}/convoke")
	String convokePage(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) Long practice, @RequestParam(required = false) String month,
			@RequestParam(required = false) String day, Model model) {
		BookingView booking = find(reference);
		model.addAttribute("pickUps", practices.findByActiveTrueOrderByPosition().stream()
			.filter(p -> p.getKind() == PracticeKind.PICK_UP)
			.toList());
		model.addAttribute("pickUp", practice);
		return choosePage(questura, booking, practice, "convoke", month, day, model);
	}

	@PostMapping("/bookings/{reference}/convoke")
	String convoke(@RequestAttribute(TENANT) Tenant questura, @PathVariable String reference,
			@RequestParam(required = false) Long practice, @RequestParam(required = false) Long slotId,
			@AuthenticationPrincipal SportelloPrincipal staff, RedirectAttributes redirect) {
		if (practice == null || slotId == null) {
			redirect.addFlashAttribute("problem", "journey.slot.required");
			return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference + "/convoke";
		}
		BookingReference convocation;
		try {
			convocation = bookings.convoke(find(reference).reference(), practice, slotId, actor(staff));
		}
		catch (BookingRefused refused) {
			redirect.addFlashAttribute("problem", refused.getCode());
			return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference + "/convoke?practice=" + practice;
		}
		redirect.addFlashAttribute("done", "backoffice.convoke.done");
		return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + convocation.value();
	}

	private String dayPage(Tenant questura, String date, Long line, Model model) {
		ZoneId zone = zone();
		LocalDate day = parse(date, LocalDate.now(zone));
		model.addAttribute("questura", questura);
		model.addAttribute("day", day);
		model.addAttribute("line", line);
		model.addAttribute("lines", serviceLines.findAllByOrderByPosition());
		model.addAttribute("zone", zone);
		model.addAttribute("bookings", queries.ofDay(day, zone, line));
		model.addAttribute("documentTypes", PersonIdentity.DocumentType.values());
		return "backoffice/day";
	}

	private String choosePage(Tenant questura, BookingView booking, Long practiceId, String action, String month,
			String day, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("booking", booking);
		model.addAttribute("zone", zone());
		model.addAttribute("action", action);
		model.addAttribute("askReason", "move".equals(action));
		if (practiceId != null) {
			model.addAttribute("calendar", calendar.show(practiceId, month, day, LocaleContextHolder.getLocale()));
			model.addAttribute("base", "/q/" + questura.getSlug() + "/admin/bookings/" + booking.reference().value() + "/"
					+ action + ("convoke".equals(action) ? "?practice=" + practiceId : ""));
		}
		return "backoffice/" + action;
	}

	private String act(Tenant questura, String reference, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (BookingRefused refused) {
			redirect.addFlashAttribute("problem", refused.getCode());
		}
		return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference;
	}

	/** The booking of this Questura with the reference; any other reference is not found here. */
	private BookingView find(String reference) {
		return BookingReference.parse(reference)
			.flatMap(queries::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private ZoneId zone() {
		return profiles.getRequired().getTimeZone();
	}

	private static LocalDate parse(String date, LocalDate otherwise) {
		try {
			return date == null || date.isBlank() ? otherwise : LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			return otherwise;
		}
	}

	static String actor(SportelloPrincipal staff) {
		return "staff:" + staff.getAccountId();
	}
}
