package it.sportello.web.backoffice;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;

import it.sportello.core.association.AssociationStatus;
import it.sportello.core.association.Associations;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.Site;
import it.sportello.core.office.Sites;
import it.sportello.core.office.WalkInWindows;
import it.sportello.core.slot.SlotGenerator;
import it.sportello.core.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's settings page: contacts, patron day, public notice and release of the slots (one form), its sites, its
 * walk-in windows, and which accredited associations may book here.
 */
@Controller
@RequestMapping("/q/{slug}/admin/settings")
class SettingsController {

	private final OfficeProfiles profiles;

	private final Sites sites;

	private final WalkInWindows walkIns;

	private final Associations associations;

	private final SlotGenerator slotGenerator;

	SettingsController(OfficeProfiles profiles, Sites sites, WalkInWindows walkIns, Associations associations,
			SlotGenerator slotGenerator) {
		this.profiles = profiles;
		this.sites = sites;
		this.walkIns = walkIns;
		this.associations = associations;
		this.slotGenerator = slotGenerator;
	}

	@GetMapping
	String settings(Tenant questura, Model model) {
		return page(questura, model);
	}

	/** Saves the settings; a new release rule moves the release of every future slot in the same transaction. */
	@PostMapping
	@Transactional
	String save(Tenant questura, @Valid @ModelAttribute("settings") SettingsForm form,
			BindingResult errors, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		MonthDay patron = form.patronSaintDay();
		if (patron == null && !errors.hasFieldErrors("patronDay")) {
			errors.rejectValue("patronDay", "onboarding.patronDay.invalid");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(questura, model);
		}
		OfficeProfile profile = profiles.getRequired();
		profile.revise(form.contacts(), patron);
		profile.publishNotice(form.notice());
		boolean releaseChanged = !Objects.equals(form.getReleaseDaysAhead(), profile.getReleaseDaysAhead())
				|| !Objects.equals(form.getReleaseTime(), profile.getReleaseTime());
		profile.releaseSlots(form.getReleaseDaysAhead(), form.getReleaseTime());
		profile.drawReleases(form.getDrawWindowSeconds(), form.getAssociationSharePercent());
		profiles.save(profile);
		if (releaseChanged) {
			slotGenerator.rescheduleReleases();
		}
		return Answers.saved(redirect, questura, "settings");
	}

	@PostMapping("/sites")
	String addSite(Tenant questura, @Valid SiteForm form, BindingResult errors, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return Answers.refused(response, model, "onboarding.site.incomplete", () -> page(questura, model));
		}
		if (sites.findByCode(form.code()).isPresent()) {
			model.addAttribute("problemArg", form.typedCode());
			return Answers.refused(response, model, "onboarding.site.duplicate", () -> page(questura, model));
		}
		sites.save(form.site(sites.findAll().size()));
		return Answers.saved(redirect, questura, "settings");
	}

	@PostMapping("/walk-ins")
	String addWalkIn(Tenant questura, @Valid WalkInForm form, BindingResult errors, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Site site = form.getSite() == null ? null : sites.findById(form.getSite()).orElse(null);
		if (errors.hasErrors() || site == null) {
			return Answers.refused(response, model, "backoffice.walkIn.invalid", () -> page(questura, model));
		}
		walkIns.save(form.window(site, walkIns.findAll().size()));
		return Answers.saved(redirect, questura, "settings");
	}

	@PostMapping("/associations")
	String associationsHere(Tenant questura,
			@RequestParam(defaultValue = "false") boolean restricted, @RequestParam(required = false) List<Long> allowed,
			RedirectAttributes redirect) {
		associations.changeProtocolHere(restricted, allowed == null ? List.of()
				: allowed.stream().filter(id -> id != null && associations.find(id).isPresent()).toList());
		return Answers.saved(redirect, questura, "settings");
	}

	@PostMapping("/walk-ins/{id}/remove")
	String removeWalkIn(Tenant questura, @PathVariable long id, RedirectAttributes redirect) {
		walkIns.deleteById(id);
		return Answers.saved(redirect, questura, "settings");
	}

	private String page(Tenant questura, Model model) {
		OfficeProfile profile = profiles.getRequired();
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", SettingsForm.of(profile));
		}
		model.addAttribute("questura", questura);
		model.addAttribute("sites", sites.findAllByOrderByPosition());
		model.addAttribute("walkIns", walkIns.findAllByOrderByPosition());
		model.addAttribute("weekDays", DayOfWeek.values());
		model.addAttribute("accredited", associations.all().stream()
			.filter(a -> a.status() == AssociationStatus.APPROVED)
			.toList());
		model.addAttribute("protocol", associations.protocolHere());
		return "backoffice/settings";
	}
}
