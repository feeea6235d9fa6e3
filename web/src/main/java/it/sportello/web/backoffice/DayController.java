package it.sportello.web.backoffice;

import java.time.Instant;
import java.time.ZoneId;

import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingRefused.Reason;
import it.sportello.core.booking.CheckIn;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.i18n.Countries;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter's day: the agenda of a day per service line, with the days before and after, and the check-in with the
 * document the person shows (on another day than the appointment's only once the operator confirms). Staff of the
 * Questura only; nothing here books for anyone.
 */
@Controller
@RequestMapping("/q/{slug}/admin")
class DayController {

	private final BookingQueries queries;

	private final CheckIn checkIn;

	private final OfficeProfiles profiles;

	private final ServiceLines serviceLines;

	private final Countries countries;

	DayController(BookingQueries queries, CheckIn checkIn, OfficeProfiles profiles, ServiceLines serviceLines,
			Countries countries) {
		this.queries = queries;
		this.checkIn = checkIn;
		this.profiles = profiles;
		this.serviceLines = serviceLines;
		this.countries = countries;
	}

	@GetMapping
	String home(Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		return "backoffice/home";
	}

	@GetMapping("/day")
	String day(Tenant questura, @RequestParam(required = false) String date,
			@RequestParam(required = false) Long line, Model model) {
		AgendaDay shown = AgendaDay.of(date, line, zone());
		CheckInForm form = new CheckInForm();
		form.setDate(shown.day().toString());
		form.setLine(shown.line());
		model.addAttribute("checkIn", form);
		return dayPage(questura, shown, model);
	}

	@PostMapping("/check-in")
	String checkIn(Tenant questura, @ModelAttribute("checkIn") CheckInForm form,
			BindingResult errors, @AuthenticationPrincipal SportelloPrincipal staff, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		AgendaDay shown = AgendaDay.of(form.getDate(), form.getLine(), zone());
		BookingReference reference = form.reference(errors);
		PersonIdentity identity = form.identity(errors);
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return dayPage(questura, shown, model);
		}
		try {
			if (form.isAnotherDay()) {
				checkIn.checkInOnAnotherDay(reference, identity, staff.staffActor());
			}
			else {
				checkIn.checkIn(reference, identity, staff.staffActor());
			}
		}
		catch (BookingRefused refused) {
			response.setStatus(refused.getReason() == Reason.UNKNOWN_BOOKING ? HttpStatus.NOT_FOUND.value()
					: HttpStatus.CONFLICT.value());
			if (refused.getReason() == Reason.NOT_ITS_DAY) {
				model.addAttribute("otherDay", queries.find(reference).map(b -> b.startsAt()).orElseThrow());
			}
			else {
				model.addAttribute("problem", refused.getCode());
			}
			form.setAnotherDay(false);
			return dayPage(questura, shown, model);
		}
		redirect.addFlashAttribute("done", "backoffice.checkIn.done");
		return "redirect:/q/" + questura.getSlug() + "/admin/bookings/" + reference.value();
	}

	private String dayPage(Tenant questura, AgendaDay shown, Model model) {
		ZoneId zone = zone();
		model.addAttribute("questura", questura);
		model.addAttribute("day", shown.day());
		model.addAttribute("line", shown.line());
		model.addAttribute("previous", shown.previous().url(questura.getSlug()));
		model.addAttribute("next", shown.next().url(questura.getSlug()));
		model.addAttribute("lines", serviceLines.findAllByOrderByPosition());
		model.addAttribute("zone", zone);
		model.addAttribute("now", Instant.now());
		model.addAttribute("bookings", queries.ofDay(shown.day(), zone, shown.line()));
		model.addAttribute("documentTypes", PersonIdentity.DocumentType.values());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		return "backoffice/day";
	}

	private ZoneId zone() {
		return profiles.getRequired().getTimeZone();
	}
}
