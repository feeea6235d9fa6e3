package it.sportello.web.backoffice;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.slot.HoursChanges;
import it.sportello.core.slot.KeptBooking;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.i18n.DisplayFormats;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly hours of each service line: the form shows the hours in force, and saving applies them with the line's
 * slots in one transaction ({@link HoursChanges}). Bookings at times the new hours no longer offer are kept, listed
 * under their line for the office to serve, move or cancel: a change of hours never cancels anyone.
 */
@Controller
@RequestMapping("/q/{slug}/admin/hours")
class HoursController {

	private final ServiceLines serviceLines;

	private final HoursChanges hoursChanges;

	private final OfficeProfiles profiles;

	private final DisplayFormats formats;

	HoursController(ServiceLines serviceLines, HoursChanges hoursChanges, OfficeProfiles profiles,
			DisplayFormats formats) {
		this.serviceLines = serviceLines;
		this.hoursChanges = hoursChanges;
		this.profiles = profiles;
		this.formats = formats;
	}

	@GetMapping
	String hours(Tenant questura, Model model) {
		return page(questura, model);
	}

	@PostMapping("/{lineId}")
	String save(Tenant questura, @PathVariable long lineId,
			@Valid @ModelAttribute("form") HoursForm form, BindingResult errors, Locale locale,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ServiceLine line = serviceLines.findById(lineId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		form.check(errors, day -> day == null ? new DefaultMessageSourceResolvable("backoffice.hours.newRow")
				: formats.day(day, locale));
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute(formName(line), form.withRowToAdd());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + formName(line), errors);
			return page(questura, model);
		}
		List<KeptBooking> kept = hoursChanges.change(lineId, form.weekly());
		redirect.addFlashAttribute("done", kept.isEmpty() ? "backoffice.hours.saved" : "backoffice.hours.savedKept");
		redirect.addFlashAttribute("doneArg", kept.size());
		return "redirect:/q/" + questura.getSlug() + "/admin/hours";
	}

	/** The page: each line's form (the one sent back with its errors, if any) and its bookings kept outside hours. */
	private String page(Tenant questura, Model model) {
		List<ServiceLine> lines = serviceLines.findAllByOrderByPosition();
		for (ServiceLine line : lines) {
			if (!model.containsAttribute(formName(line))) {
				model.addAttribute(formName(line), HoursForm.of(line));
			}
		}
		Map<Long, List<KeptBooking>> kept = lines.stream()
			.collect(Collectors.toMap(ServiceLine::getId, line -> hoursChanges.keptOutsideHours(line.getId())));
		model.addAttribute("questura", questura);
		model.addAttribute("lines", lines);
		model.addAttribute("kept", kept);
		model.addAttribute("zone", profiles.getRequired().getTimeZone());
		model.addAttribute("weekDays", DayOfWeek.values());
		return "backoffice/hours";
	}

	/** The model attribute of a line's form: one page holds a form for each line. */
	private static String formName(ServiceLine line) {
		return "hours" + line.getId();
	}
}
