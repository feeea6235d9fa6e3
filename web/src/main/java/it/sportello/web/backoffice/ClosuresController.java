package it.sportello.web.backoffice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import it.sportello.admin.closure.ClosureOutcome;
import it.sportello.admin.closure.ClosureRefused;
import it.sportello.admin.closure.Closures;
import it.sportello.core.calendar.DayChange;
import it.sportello.core.calendar.OfficeCalendar;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Closing a day (for the office or one service line) or working it with fewer counters ({@link Closures}): first a
 * preview that restates the change (day, where, what, reason) and lists the bookings it hits, then one action that
 * applies it and moves or cancels each of those bookings, reporting any it could do neither with. The page lists the
 * closures and reductions in force from today on.
 */
@Controller
@RequestMapping("/q/{slug}/admin/closures")
class ClosuresController {

	private final Closures closures;

	private final OfficeCalendar calendar;

	private final OfficeProfiles profiles;

	private final ServiceLines serviceLines;

	ClosuresController(Closures closures, OfficeCalendar calendar, OfficeProfiles profiles,
			ServiceLines serviceLines) {
		this.closures = closures;
		this.calendar = calendar;
		this.profiles = profiles;
		this.serviceLines = serviceLines;
	}

	@GetMapping
	String form(Tenant questura, Model model) {
		return page(questura, model);
	}

	@PostMapping("/preview")
	String preview(Tenant questura, @Valid ClosureForm form, BindingResult errors, HttpServletResponse response,
			Model model) {
		return unlessRefused(questura, form, errors, response, model, change -> {
			model.addAttribute("hit", closures.preview(change));
			model.addAttribute("change", change);
			return page(questura, model);
		});
	}

	@PostMapping
	String apply(Tenant questura, @Valid ClosureForm form, BindingResult errors,
			@AuthenticationPrincipal SportelloPrincipal admin, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		return unlessRefused(questura, form, errors, response, model, change -> {
			ClosureOutcome outcome = closures.apply(change, form.hitBookings(), admin.staffActor());
			redirect.addFlashAttribute("done", "backoffice.closures.done");
			redirect.addFlashAttribute("doneArgs", new Object[] { outcome.moved().size(), outcome.cancelled().size() });
			redirect.addFlashAttribute("unsettled", outcome.unsettled());
			return "redirect:/q/" + questura.getSlug() + "/admin/closures";
		});
	}

	/** The action's answer for the change, or the page again with why the change cannot be made (a 422). */
	private String unlessRefused(Tenant questura, ClosureForm form, BindingResult errors,
			HttpServletResponse response, Model model, Function<DayChange, String> action) {
		String problem = form.problem(errors, LocalDate.now(zone()));
		try {
			if (problem == null) {
				return action.apply(form.change());
			}
		}
		catch (ClosureRefused refused) {
			problem = ClosureForm.problem(refused);
		}
		return Answers.refused(response, model, problem, () -> page(questura, model));
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
}
