package it.sportello.web.backoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.account.StaffInvitations;
import it.sportello.core.audit.AuditLog;
import it.sportello.core.catalogue.BookableBy;
import it.sportello.core.catalogue.Catalogue;
import it.sportello.core.catalogue.Practice;
import it.sportello.core.catalogue.PracticeKind;
import it.sportello.core.catalogue.PracticeSpec;
import it.sportello.core.catalogue.Practices;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.text.LocalizedText;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A Questura admin's practice catalogue, staff and audit log. Settings, weekly hours and closures have their own
 * controllers.
 * A change a person got wrong is refused with a message and a 422; nothing half-done is kept.
 */
@Controller
@RequestMapping("/q/{slug}/admin")
class OfficeAdminController {

	private final OfficeProfiles profiles;

	private final Practices practices;

	private final Catalogue catalogue;

	private final ServiceLines serviceLines;

	private final Memberships memberships;

	private final Accounts accounts;

	private final StaffInvitations invitations;

	private final AuditLog audit;

	private final PersonKeys personKeys;

	OfficeAdminController(OfficeProfiles profiles, Practices practices, Catalogue catalogue, ServiceLines serviceLines,
			Memberships memberships, Accounts accounts, StaffInvitations invitations, AuditLog audit,
			PersonKeys personKeys) {
		this.profiles = profiles;
		this.practices = practices;
		this.catalogue = catalogue;
		this.serviceLines = serviceLines;
		this.memberships = memberships;
		this.accounts = accounts;
		this.invitations = invitations;
		this.audit = audit;
		this.personKeys = personKeys;
	}

	// the catalogue

	@GetMapping("/catalogue")
	String catalogue(Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practices", practices.findAllByOrderByPosition());
		return "backoffice/catalogue";
	}

	@PostMapping("/catalogue/{id}/active")
	String toggle(Tenant questura, @PathVariable long id, @RequestParam boolean active,
			RedirectAttributes redirect) {
		Practice practice = practice(id);
		if (active) {
			practice.enable();
		}
		else {
			practice.disable();
		}
		practices.save(practice);
		return done(redirect, questura, "catalogue");
	}

	@GetMapping("/catalogue/{id}")
	String editPractice(Tenant questura, @PathVariable long id, Model model) {
		return practicePage(questura, practice(id), model);
	}

	@GetMapping("/catalogue/new")
	String newPractice(Tenant questura, Model model) {
		return practicePage(questura, null, model);
	}

	@PostMapping({ "/catalogue/{id}", "/catalogue/new" })
	@Transactional
	String savePractice(Tenant questura, @PathVariable(required = false) Long id,
			@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Practice existing = id == null ? null : practice(id);
		Integer duration = number(form.get("duration"));
		ServiceLine line = number(form.get("serviceLine")) == null ? null
				: serviceLines.findById((long) number(form.get("serviceLine"))).orElse(null);
		BookableBy bookableBy = enumValue(BookableBy.class, form.get("bookableBy"));
		String name = text(form.get("name_it"));
		List<LocalizedText> documents = lines(form.get("documents")).stream().map(LocalizedText::italian).toList();
		if (name == null || duration == null || duration < 5 || duration > 240 || line == null || bookableBy == null) {
			return refuse(response, model, "backoffice.practice.invalid", () -> practicePage(questura, existing, model));
		}
		LocalizedText names = new LocalizedText(name, text(form.get("name_en")), text(form.get("name_fr")),
				text(form.get("name_ar")));
		LocalizedText description = LocalizedText.italian(text(form.get("description_it")) == null ? name
				: text(form.get("description_it")));
		if (existing == null) {
			PracticeKind kind = enumValue(PracticeKind.class, form.get("kind"));
			String code = text(form.get("code"));
			if (kind == null || code == null || !code.matches("[A-Za-z0-9_-]{2,40}")
					|| practices.findByCode(code.toUpperCase(Locale.ROOT)).isPresent()) {
				return refuse(response, model, "backoffice.practice.code.invalid", () -> practicePage(questura, null, model));
			}
			catalogue.add(new PracticeSpec(code.toUpperCase(Locale.ROOT), kind, line.getCode(), duration, bookableBy,
					names, description, documents));
		}
		else {
			existing.revise(names, description, documents.isEmpty() ? existing.getDocuments() : documents, duration, line,
					bookableBy);
			practices.save(existing);
		}
		return done(redirect, questura, "catalogue");
	}

	// staff

	@GetMapping("/staff")
	String staff(Tenant questura, Model model) {
		List<Membership> staff = memberships.findByTenantSlug(questura.getSlug());
		Map<Long, Account> people = accounts.findAllById(staff.stream().map(Membership::getAccountId).toList())
			.stream()
			.collect(Collectors.toMap(Account::getId, Function.identity()));
		model.addAttribute("questura", questura);
		model.addAttribute("staff", staff);
		model.addAttribute("people", people);
		return "backoffice/staff";
	}

	@PostMapping("/staff")
	String invite(Tenant questura, @RequestParam(defaultValue = "") String email,
			@RequestParam(required = false) String role, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Role chosen = enumValue(Role.class, role);
		if (!email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}") || chosen == null || !chosen.isStaff()) {
			return refuse(response, model, "backoffice.staff.invalid", () -> staff(questura, model));
		}
		invitations.invite(email.strip(), chosen, questura.getSlug(), Locale.ITALIAN);
		return done(redirect, questura, "staff");
	}

	@PostMapping("/staff/{membershipId}/revoke")
	String revoke(Tenant questura, @PathVariable long membershipId,
			@AuthenticationPrincipal SportelloPrincipal admin, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Membership membership = memberships.findById(membershipId)
			.filter(m -> questura.getSlug().equals(m.getTenantSlug()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (membership.getAccountId() == admin.getAccountId()) {
			return refuse(response, model, "backoffice.staff.notYourself", () -> staff(questura, model));
		}
		memberships.delete(membership);
		return done(redirect, questura, "staff");
	}

	// the audit log

	@GetMapping("/audit")
	String audit(Tenant questura, @RequestParam Map<String, String> filter,
			@AuthenticationPrincipal SportelloPrincipal staff, Model model) {
		ZoneId zone = profiles.getRequired().getTimeZone();
		LocalDate day = date(filter.get("day"));
		String subject = null;
		try {
			subject = text(filter.get("codiceFiscale")) != null
					? personKeys.of(new PersonIdentity.TaxCode(filter.get("codiceFiscale"))).value()
					: text(filter.get("documentNumber")) != null ? personKeys.of(new PersonIdentity.Document(
							PersonIdentity.DocumentType.valueOf(filter.getOrDefault("documentType", "PASSPORT")),
							filter.get("documentCountry"), filter.get("documentNumber"))).value() : null;
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problem", "backoffice.audit.person.invalid");
		}
		String reference = it.sportello.core.booking.BookingReference.parse(filter.get("reference"))
			.map(r -> r.value())
			.orElse(null);
		Instant from = day == null ? null : day.atStartOfDay(zone).toInstant();
		Instant to = day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
		model.addAttribute("questura", questura);
		model.addAttribute("filter", filter);
		model.addAttribute("zone", zone);
		if (reference != null || subject != null) {
			audit.looked(staff.staffActor(), "audit search", reference, subject);
		}
		model.addAttribute("events", audit.search(reference, subject, text(filter.get("actor")), from, to));
		return "backoffice/audit";
	}

	private String practicePage(Tenant questura, Practice practice, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practice", practice);
		model.addAttribute("documentsText", practice == null ? ""
				: practice.getDocuments().stream().map(LocalizedText::it).collect(Collectors.joining("\n")));
		model.addAttribute("lines", serviceLines.findAllByOrderByPosition());
		model.addAttribute("kinds", PracticeKind.values());
		model.addAttribute("bookableBy", BookableBy.values());
		return "backoffice/practice";
	}

	private Practice practice(long id) {
		return practices.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Answers a change the admin got wrong: the page again, with the reason, and a 422. */
	static String refuse(HttpServletResponse response, Model model, String code,
			java.util.function.Supplier<String> page) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", code);
		return page.get();
	}

	/** After a change: back to the admin page, saying it is saved. */
	static String done(RedirectAttributes redirect, Tenant questura, String page) {
		redirect.addFlashAttribute("done", "backoffice.saved");
		return "redirect:/q/" + questura.getSlug() + "/admin/" + page;
	}

	static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static List<String> lines(String value) {
		return value == null ? List.of() : Arrays.stream(value.split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
			.toList();
	}

	static Integer number(String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static LocalTime time(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
		try {
			return value == null ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
