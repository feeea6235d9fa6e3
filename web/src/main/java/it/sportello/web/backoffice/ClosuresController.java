package it.sportello.web.backoffice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingStatus;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.calendar.OfficeCalendar;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.slot.Availability;
import it.sportello.core.slot.FreeSlot;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Closing a day (for the office or one service line) or working it with fewer counters: first a preview that restates
 * the change (day, where, what, reason) and lists the bookings it hits, then one action that applies it and moves each
 * of those bookings to the nearest free time of its practice, or cancels it, with the office's reason, which each
 * person receives. The page lists the closures and reductions in force from today on.
 */
@Controller
@RequestMapping("/q/{slug}/admin/closures")
class ClosuresController {

	private final OfficeCalendar calendar;

	private final BookingQueries queries;

	private final BookingService bookings;

	private final Availability availability;

	private final OfficeProfiles profiles;

	private final ServiceLines serviceLines;

	ClosuresController(OfficeCalendar calendar, BookingQueries queries, BookingService bookings,
			Availability availability, OfficeProfiles profiles, ServiceLines serviceLines) {
		this.calendar = calendar;
		this.queries = queries;
		this.bookings = bookings;
		this.availability = availability;
		this.profiles = profiles;
		this.serviceLines = serviceLines;
	}

	@GetMapping
	String form(Tenant questura, Model model) {
		return page(questura, model);
	}

	@PostMapping("/preview")
	String preview(Tenant questura, @RequestParam(required = false) String day,
			@RequestParam(required = false) Long line, @RequestParam(defaultValue = "close") String kind,
			@RequestParam(required = false) Integer counters, @RequestParam(defaultValue = "") String reason,
			HttpServletResponse response, Model model) {
		Change change = change(day, line, kind, counters, reason);
		if (change.problem() != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", change.problem());
			return page(questura, model);
		}
		model.addAttribute("change", change);
		model.addAttribute("hit", queries.ofDay(change.day(), zone(), change.line())
			.stream()
			.filter(b -> b.status() == BookingStatus.BOOKED)
			.toList());
		model.addAttribute("zone", zone());
		return page(questura, model);
	}

	@PostMapping
	String apply(Tenant questura, @RequestParam(required = false) String day,
			@RequestParam(required = false) Long line, @RequestParam(defaultValue = "close") String kind,
			@RequestParam(required = false) Integer counters, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "move") String then, @AuthenticationPrincipal SportelloPrincipal admin,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Change change = change(day, line, kind, counters, reason);
		if (change.problem() != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", change.problem());
			return page(questura, model);
		}
		String actor = admin.staffActor();
		if (change.close()) {
			calendar.close(change.day(), change.line(), change.reason(), actor);
		}
		else {
			calendar.reduce(change.day(), change.line(), change.counters(), change.reason(), actor);
		}
		int moved = 0;
		int cancelled = 0;
		for (BookingView hit : queries.ofDay(change.day(), zone(), change.line())) {
			if (hit.status() != BookingStatus.BOOKED || hit.attention() == null) {
				continue;
			}
			if ("move".equals(then) && moveToNearest(hit, change, actor)) {
				moved++;
			}
			else {
				bookings.cancel(hit.reference(), Channel.OFFICE, actor, change.reason());
				cancelled++;
			}
		}
		redirect.addFlashAttribute("done", "backoffice.closures.done");
		redirect.addFlashAttribute("doneArgs", new Object[] { moved, cancelled });
		return "redirect:/q/" + questura.getSlug() + "/admin/closures";
	}

	/** Moves the booking to the first free time of its practice after the day; false when there is none. */
	private boolean moveToNearest(BookingView hit, Change change, String actor) {
		YearMonth month = YearMonth.from(change.day());
		for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
			Optional<LocalDate> free = availability.freeDays(hit.practiceId(), month)
				.stream()
				.filter(d -> d.isAfter(change.day()))
				.findFirst();
			if (free.isPresent()) {
				List<FreeSlot> slots = availability.freeSlots(hit.practiceId(), free.get());
				for (FreeSlot slot : slots) {
					try {
						bookings.move(hit.reference(), slot.id(), Channel.OFFICE, actor, change.reason());
						return true;
					}
					catch (BookingRefused refused) {
						// taken meanwhile: the next one
					}
				}
			}
		}
		return false;
	}

	private Change change(String day, Long line, String kind, Integer counters, String reason) {
		LocalDate date = OfficeAdminController.date(day);
		boolean close = !"reduce".equals(kind);
		String problem = null;
		if (date == null || date.isBefore(LocalDate.now(zone()))) {
			problem = "backoffice.closures.day.invalid";
		}
		else if (reason.isBlank() || reason.length() > 300) {
			problem = "backoffice.reason.required";
		}
		else if (!close && (line == null || counters == null || counters < 0 || counters > 50)) {
			problem = "backoffice.closures.reduce.invalid";
		}
		else if (line != null && serviceLines.findById(line).isEmpty()) {
			problem = "backoffice.closures.reduce.invalid";
		}
		else if (close && calendar.changesFrom(date).stream()
			.anyMatch(c -> c.closed() && c.day().equals(date) && Objects.equals(c.serviceLineId(), line))) {
			problem = "backoffice.closures.already";
		}
		return new Change(date, line, close, counters == null ? 0 : counters, reason.strip(), problem);
	}

	/** The page: the form (or the preview of a change), and the closures and reductions from today on. */
	private String page(Tenant questura, Model model) {
		List<ServiceLine> lines = serviceLines.findAllByOrderByPosition();
		model.addAttribute("questura", questura);
		model.addAttribute("lines", lines);
		model.addAttribute("lineNames", lines.stream()
			.collect(Collectors.toMap(ServiceLine::getId, line -> line.getSite().getName().it() + " – " + line.getName().it())));
		model.addAttribute("inForce", calendar.changesFrom(LocalDate.now(zone())));
		model.addAttribute("patronDay", DateTimeFormatter.ofPattern("d MMMM", LocaleContextHolder.getLocale())
			.format(profiles.getRequired().getPatronSaintDay()));
		model.addAttribute("zone", zone());
		return "backoffice/closures";
	}

	private ZoneId zone() {
		return profiles.getRequired().getTimeZone();
	}

	/** A closure or reduction as asked, with the reason it cannot be made, if any. */
	record Change(LocalDate day, Long line, boolean close, int counters, String reason, String problem) {
	}
}
