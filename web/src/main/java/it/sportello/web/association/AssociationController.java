package it.sportello.web.association;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import it.sportello.admin.imports.ClientBookingImport;
import it.sportello.billing.Plan;
import it.sportello.billing.Plans;
import it.sportello.billing.StripeBilling;
import it.sportello.core.account.AccountRegistration;
import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationClients;
import it.sportello.core.association.AssociationRefused;
import it.sportello.core.association.AssociationStatus;
import it.sportello.core.association.Associations;
import it.sportello.core.booking.BookingQueries;
import it.sportello.core.booking.BookingReference;
import it.sportello.core.booking.BookingRefused;
import it.sportello.core.booking.BookingService;
import it.sportello.core.booking.BookingView;
import it.sportello.core.booking.Channel;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.core.tenancy.Tenants;
import it.sportello.web.booking.SlotCalendar;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An association's own pages: its sign-up, its dashboard (accreditation, plan and quota, Stripe checkout and portal,
 * invoices, members), and all its bookings across Questure, which it may cancel (the client is told by e-mail).
 */
@Controller
@RequestMapping("/association")
class AssociationController {

	private final AssociationOf associationOf;

	private final Associations associations;

	private final Plans plans;

	private final StripeBilling stripe;

	private final Memberships memberships;

	private final AccountRegistration registration;

	private final Tenants tenants;

	private final BookingQueries queries;

	private final BookingService bookings;

	private final AccountRegistration.Links links;

	private final ClientBookingImport clientImport;

	private final AssociationClients clients;

	private final SlotCalendar calendar;

	AssociationController(AssociationOf associationOf, Associations associations, Plans plans, StripeBilling stripe,
			Memberships memberships, AccountRegistration registration, Tenants tenants, BookingQueries queries,
			BookingService bookings, AccountRegistration.Links links, ClientBookingImport clientImport,
			AssociationClients clients, SlotCalendar calendar) {
		this.calendar = calendar;
		this.clientImport = clientImport;
		this.clients = clients;
		this.associationOf = associationOf;
		this.associations = associations;
		this.plans = plans;
		this.stripe = stripe;
		this.memberships = memberships;
		this.registration = registration;
		this.tenants = tenants;
		this.queries = queries;
		this.bookings = bookings;
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

	@GetMapping("/bookings")
	String bookings(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Association a = memberOf(user);
		model.addAttribute("association", a);
		model.addAttribute("bookings", bookingsOf(a));
		model.addAttribute("zone", java.time.ZoneId.of("Europe/Rome"));
		model.addAttribute("questure", tenants.findAllActive());
		model.addAttribute("clients", clients.of(a.id()));
		return "association/bookings";
	}

	@PostMapping("/bookings/{slug}/{reference}/cancel")
	String cancel(@PathVariable String slug, @PathVariable String reference,
			@AuthenticationPrincipal SportelloPrincipal user, RedirectAttributes redirect) {
		Association a = memberOf(user);
		Tenant tenant = tenants.findActive(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		BookingReference ref = BookingReference.parse(reference)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		TenantContext.runAs(tenant.asCurrent(), () -> {
			BookingView booking = own(ref.value(), a);
			try {
				bookings.cancel(booking.reference(), Channel.ASSOCIATION, "account:" + user.getAccountId(), null);
				redirect.addFlashAttribute("done", "association.booking.cancelled");
			}
			catch (BookingRefused refused) {
				redirect.addFlashAttribute("problem", refused.getCode());
			}
		});
		return "redirect:/association/bookings";
	}

	@GetMapping("/bookings/{slug}/{reference}/move")
	String movePage(@PathVariable String slug, @PathVariable String reference,
			@RequestParam(required = false) String month, @RequestParam(required = false) String day,
			@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		Association a = memberOf(user);
		Tenant tenant = tenants.findActive(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		TenantContext.runAs(tenant.asCurrent(), () -> {
			BookingView booking = own(reference, a);
			model.addAttribute("booking", booking);
			model.addAttribute("questura", tenant);
			model.addAttribute("calendar", calendar.show(booking.practiceId(), month, day,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			model.addAttribute("base", "/association/bookings/" + slug + "/" + booking.reference().value() + "/move");
		});
		return "association/move";
	}

	@PostMapping("/bookings/{slug}/{reference}/move")
	String move(@PathVariable String slug, @PathVariable String reference, @RequestParam(required = false) Long slotId,
			@AuthenticationPrincipal SportelloPrincipal user, RedirectAttributes redirect) {
		Association a = memberOf(user);
		Tenant tenant = tenants.findActive(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (slotId == null) {
			redirect.addFlashAttribute("problem", "journey.slot.required");
			return "redirect:/association/bookings/" + slug + "/" + reference + "/move";
		}
		TenantContext.runAs(tenant.asCurrent(), () -> {
			BookingView booking = own(reference, a);
			try {
				bookings.move(booking.reference(), slotId, Channel.ASSOCIATION, "account:" + user.getAccountId(), null);
				redirect.addFlashAttribute("done", "me.booking.moved");
			}
			catch (BookingRefused refused) {
				redirect.addFlashAttribute("problem", refused.getCode());
			}
		});
		return "redirect:/association/bookings";
	}

	/** A booking of the current Questura made by the association; any other is not found. */
	private BookingView own(String reference, Association association) {
		return BookingReference.parse(reference)
			.flatMap(queries::find)
			.filter(b -> Long.valueOf(association.id()).equals(b.associationId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@PostMapping("/import")
	String importClients(@RequestParam(defaultValue = "") String questura,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SportelloPrincipal user,
			HttpServletResponse response, Model model) throws java.io.IOException {
		Association a = memberOf(user);
		Optional<Tenant> tenant = tenants.findActive(questura);
		model.addAttribute("association", a);
		model.addAttribute("zone", java.time.ZoneId.of("Europe/Rome"));
		model.addAttribute("questure", tenants.findAllActive());
		if (tenant.isEmpty() || file == null || file.isEmpty() || file.getSize() > 5 * 1024 * 1024) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", tenant.isEmpty() ? "association.import.questura.invalid" : "import.file.required");
		}
		else {
			String content = new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
			try {
				model.addAttribute("report", TenantContext.callAs(tenant.get().asCurrent(),
						() -> clientImport.importCsv(content, a.id(), "account:" + user.getAccountId())));
			}
			catch (IllegalArgumentException ex) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("problem", "import.file.invalid");
			}
		}
		model.addAttribute("bookings", bookingsOf(associations.find(a.id()).orElseThrow()));
		model.addAttribute("clients", clients.of(a.id()));
		return "association/bookings";
	}

	/** The association's bookings in every Questura, latest appointment first. */
	List<Listed> bookingsOf(Association association) {
		List<Listed> all = new ArrayList<>();
		for (Tenant tenant : tenants.findAllActive()) {
			TenantContext.runAs(tenant.asCurrent(), () -> queries.ofAssociation(association.id())
				.forEach(b -> all.add(new Listed(tenant.getSlug(), tenant.getName(), b))));
		}
		all.sort(Comparator.comparing((Listed l) -> l.booking().startsAt()).reversed());
		return all;
	}

	private Association memberOf(SportelloPrincipal user) {
		return associationOf.association(user.getAccountId())
			.filter(a -> a.status() == AssociationStatus.APPROVED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

	private Association adminOf(SportelloPrincipal user) {
		if (!associationOf.isAdmin(user.getAccountId())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return memberOf(user);
	}

	/** A booking of the association with its Questura. */
	record Listed(String slug, String questura, BookingView booking) {
	}
}
