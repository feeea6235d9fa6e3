package it.sportello.web.association;

import it.sportello.core.association.AssociationMemberships;
import it.sportello.core.association.AssociationRefused;
import it.sportello.core.association.Associations;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * An association's sign-up: the signed-in person registers it and becomes its admin; it waits for the platform admin's
 * accreditation. A person who already works for an association goes to its dashboard.
 */
@Controller
@RequestMapping("/association/register")
class RegistrationController {

	private static final String VIEW = "association/register";

	private final AssociationMemberships memberships;

	private final Associations associations;

	RegistrationController(AssociationMemberships memberships, Associations associations) {
		this.memberships = memberships;
		this.associations = associations;
	}

	@GetMapping
	String page() {
		return VIEW;
	}

	@PostMapping
	String register(@ModelAttribute("form") RegistrationForm form, @AuthenticationPrincipal SportelloPrincipal user,
			HttpServletResponse response, Model model) {
		if (memberships.isMember(user.getAccountId())) {
			return "redirect:/association";
		}
		try {
			associations.register(form.name(), form.taxNumber(), form.pec(), user.getAccountId());
		}
		catch (AssociationRefused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", refused.getCode());
			return VIEW;
		}
		return "redirect:/association";
	}
}
