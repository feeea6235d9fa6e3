package it.sportello.web.platform;

import java.util.Comparator;

import it.sportello.admin.onboarding.Onboarding;
import it.sportello.admin.onboarding.OnboardingRefused;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.Tenants;
import jakarta.servlet.http.HttpServletResponse;
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

/** The platform admin's pages: the Questure on the platform, onboarding a new one, suspending and reactivating. */
@Controller
@RequestMapping("/admin")
class PlatformAdminController {

	private final Tenants tenants;

	private final Onboarding onboarding;

	PlatformAdminController(Tenants tenants, Onboarding onboarding) {
		this.tenants = tenants;
		this.onboarding = onboarding;
	}

	@GetMapping
	String questure(Model model) {
		model.addAttribute("questure", tenants.findAll().stream().sorted(Comparator.comparing(Tenant::getName)).toList());
		return "platform/questure";
	}

	@GetMapping("/questure/new")
	String newQuestura(Model model) {
		model.addAttribute("form", new OnboardingForm());
		return "platform/onboard";
	}

	@PostMapping("/questure")
	String onboard(@ModelAttribute("form") OnboardingForm form, BindingResult errors, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (form.getPatronDay() != null && !form.getPatronDay().isBlank() && form.patronSaintDay() == null) {
			errors.rejectValue("patronDay", "onboarding.patronDay.invalid");
		}
		if (!errors.hasErrors()) {
			try {
				Tenant opened = onboarding.onboard(form.toRequest());
				redirect.addFlashAttribute("done", "platform.onboarded");
				redirect.addFlashAttribute("doneArg", opened.getName());
				return "redirect:/admin";
			}
			catch (OnboardingRefused refused) {
				errors.rejectValue(field(refused.getCode()), refused.getCode(), refused.getArguments(), refused.getCode());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "platform/onboard";
	}

	@PostMapping("/questure/{slug}/suspend")
	String suspend(@PathVariable String slug, RedirectAttributes redirect) {
		Tenant tenant = tenant(slug);
		tenant.suspend();
		tenants.save(tenant);
		redirect.addFlashAttribute("done", "platform.suspended");
		redirect.addFlashAttribute("doneArg", tenant.getName());
		return "redirect:/admin";
	}

	@PostMapping("/questure/{slug}/reactivate")
	String reactivate(@PathVariable String slug, RedirectAttributes redirect) {
		Tenant tenant = tenant(slug);
		tenant.reactivate();
		tenants.save(tenant);
		redirect.addFlashAttribute("done", "platform.reactivated");
		redirect.addFlashAttribute("doneArg", tenant.getName());
		return "redirect:/admin";
	}

	private Tenant tenant(String slug) {
		return tenants.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The field of the form a refusal is about. */
	private static String field(String code) {
		if (code.startsWith("onboarding.slug")) {
			return "slug";
		}
		if (code.startsWith("onboarding.name")) {
			return "name";
		}
		if (code.startsWith("onboarding.patronDay")) {
			return "patronDay";
		}
		return code.startsWith("onboarding.site") ? "siteName" : "slug";
	}
}
