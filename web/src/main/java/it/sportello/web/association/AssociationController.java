package it.sportello.web.association;

import it.sportello.core.association.AssociationMemberships;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.sportello.billing.Plan;
import it.sportello.billing.Plans;
import it.sportello.billing.StripeBilling;
import it.sportello.core.account.AccountRegistration;
import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationRefused;
import it.sportello.core.association.Associations;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An association's own pages: its sign-up and its dashboard (accreditation, plan and quota, Stripe checkout and portal,
 * invoices, members). Its bookings, its CSV of clients and their receipts have controllers of their own.
 */
@Controller
@RequestMapping("/association")
class AssociationController {

	private final AssociationMemberships associationOf;

	private final Associations associations;

	private final Plans plans;

	private final StripeBilling stripe;

	private final Memberships memberships;

	private final AccountRegistration registration;

	private final AccountRegistration.Links links;

	AssociationController(AssociationMemberships associationOf, Associations associations, Plans plans, StripeBilling stripe,
			Memberships memberships, AccountRegistration registration, AccountRegistration.Links links) {
		this.associationOf = associationOf;
		this.associations = associations;
		this.plans = plans;
		this.stripe = stripe;
		this.memberships = memberships;
		this.registration = registration;
		this.links = links;
	}

	@GetMapping("/register")
	String registerPage() {
		return "association/register";
	}

	@PostMapping("/register")
	String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String taxNumber,
			@RequestParam(defaultValue = "") String pec, @AuthenticationPrincipal SportelloPrincipal user,
			HttpServletResponse response, Model model) {
		if (associationOf.membership(user.getAccountId()).isPresent()) {
			return "redirect:/association";
		}
		try {
			associations.register(name, taxNumber, pec, user.getAccountId());
		}
		catch (AssociationRefused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", refused.getCode());
			model.addAttribute("name", name);
			model.addAttribute("taxNumber", taxNumber);
			model.addAttribute("pec", pec);
			return "association/register";
		}
		return "redirect:/association";
	}

	@GetMapping
	String dashboard(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Optional<Association> association = associationOf.association(user.getAccountId());
		if (association.isEmpty()) {
			return "redirect:/association/register";
		}
		Association a = association.get();
		model.addAttribute("association", a);
		model.addAttribute("admin", associationOf.isAdmin(user.getAccountId()));
		model.addAttribute("plans", plans.all());
		model.addAttribute("stripe", plans.stripeEnabled());
		model.addAttribute("invoices", plans.stripeEnabled() && a.stripeCustomerId() != null ? stripe.invoices(a) : List.of());
		model.addAttribute("members", memberships.findAll().stream()
			.filter(m -> m.getRole().isAssociation() && Long.valueOf(a.id()).equals(m.getAssociationId()))
			.toList());
		return "association/dashboard";
	}

	@PostMapping("/checkout")
	String checkout(@RequestParam(defaultValue = "") String plan, @AuthenticationPrincipal SportelloPrincipal user) {
		Association a = adminOf(user);
		Plan chosen = plans.find(plan).filter(p -> p.stripePriceId() != null && plans.stripeEnabled())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return "redirect:" + stripe.checkout(a, chosen, links.base() + "/association?paid",
				links.base() + "/association");
	}

	@PostMapping("/portal")
	String portal(@AuthenticationPrincipal SportelloPrincipal user) {
		Association association = adminOf(user);
		if (!plans.stripeEnabled()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:" + stripe.portal(association, links.base() + "/association");
	}

	@PostMapping("/members")
	String invite(@RequestParam(defaultValue = "") String email, @AuthenticationPrincipal SportelloPrincipal user,
			RedirectAttributes redirect) {
		Association a = adminOf(user);
		try {
			long invited = registration.invite(email, Locale.ITALIAN, "mail.association.invitation", a.name()).getId();
			if (memberships.findByAccountId(invited).stream().noneMatch(m -> m.getRole().isAssociation())) {
				memberships.save(Membership.associationMember(invited, a.id()));
			}
			redirect.addFlashAttribute("done", "association.member.invited");
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.getCode());
		}
		return "redirect:/association";
	}

	private Association adminOf(SportelloPrincipal user) {
		if (!associationOf.isAdmin(user.getAccountId())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return associationOf.accredited(user.getAccountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}
}
