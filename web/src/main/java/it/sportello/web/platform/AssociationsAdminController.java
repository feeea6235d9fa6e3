package it.sportello.web.platform;

import it.sportello.billing.Plan;
import it.sportello.billing.Plans;
import it.sportello.core.association.AssociationRefused;
import it.sportello.core.association.Associations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admin's view of the associations: accreditation requests to approve or reject with a reason, and a
 * plan granted by hand (an invoice paid by bank transfer, or a free plan under a protocol).
 */
@Controller
@RequestMapping("/admin/associations")
class AssociationsAdminController {

	private final Associations associations;

	private final Plans plans;

	AssociationsAdminController(Associations associations, Plans plans) {
		this.associations = associations;
		this.plans = plans;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("associations", associations.all());
		model.addAttribute("plans", plans.all());
		return "platform/associations";
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		return decided(redirect, () -> associations.approve(id));
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return decided(redirect, () -> associations.reject(id, reason));
	}

	@PostMapping("/{id}/plan")
	String grant(@PathVariable long id, @RequestParam(defaultValue = "") String plan, RedirectAttributes redirect) {
		Plan chosen = plans.find(plan).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT));
		associations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return decided(redirect, () -> associations.grantPlan(id, chosen.code(), chosen.quota()));
	}

	private static String decided(RedirectAttributes redirect, Runnable decision) {
		try {
			decision.run();
			redirect.addFlashAttribute("done", "backoffice.saved");
		}
		catch (AssociationRefused refused) {
			redirect.addFlashAttribute("problem", refused.getCode());
		}
		return "redirect:/admin/associations";
	}
}
