package it.sportello.web.billing;

import java.util.List;
import java.util.Optional;

import it.sportello.billing.Plans;
import it.sportello.billing.StripeBilling;
import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationMemberships;
import it.sportello.core.mail.PublicLinks;
import it.sportello.web.association.AsAdmin;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * An association's dashboard: its accreditation, plan and quota, its members, and where Stripe sells the plans, the
 * plans to buy (Checkout), the customer portal for card and invoices, and the invoices. A person who works for no
 * association is sent to the sign-up.
 */
@Controller
@RequestMapping("/association")
class DashboardController {

	private final AssociationMemberships memberships;

	private final Plans plans;

	private final StripeBilling stripe;

	private final PublicLinks links;

	DashboardController(AssociationMemberships memberships, Plans plans, StripeBilling stripe,
			PublicLinks links) {
		this.memberships = memberships;
		this.plans = plans;
		this.stripe = stripe;
		this.links = links;
	}

	@GetMapping
	String dashboard(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Optional<Association> association = memberships.association(user.getAccountId());
		if (association.isEmpty()) {
			return "redirect:/association/register";
		}
		Association a = association.get();
		model.addAttribute("association", a);
		model.addAttribute("admin", memberships.isAdmin(user.getAccountId()));
		model.addAttribute("plans", plans.all());
		model.addAttribute("stripe", plans.stripeEnabled());
		model.addAttribute("invoices", plans.stripeEnabled() && a.stripeCustomerId() != null ? stripe.invoices(a) : List.of());
		model.addAttribute("members", memberships.members(a.id()));
		return "association/dashboard";
	}

	@PostMapping("/checkout")
	String checkout(@AsAdmin Association association, @RequestParam(defaultValue = "") String plan) {
		return "redirect:" + stripe.checkout(association,
				plans.forSale(plan).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)),
				links.to("/association?paid"), links.to("/association"));
	}

	@PostMapping("/portal")
	String portal(@AsAdmin Association association) {
		if (!plans.stripeEnabled()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:" + stripe.portal(association, links.to("/association"));
	}
}
