package it.sportello.web.backoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import it.sportello.core.audit.AuditLog;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The office's audit log as its admin searches it: by booking, person, who acted and day. A search by booking or
 * person is itself recorded, as a look at personal data.
 */
@Controller
class AuditController {

	private final AuditLog audit;

	private final PersonKeys personKeys;

	private final OfficeProfiles profiles;

	AuditController(AuditLog audit, PersonKeys personKeys, OfficeProfiles profiles) {
		this.audit = audit;
		this.personKeys = personKeys;
		this.profiles = profiles;
	}

	@GetMapping("/q/{slug}/admin/audit")
	String audit(Tenant questura, @ModelAttribute("filter") AuditFilter filter, BindingResult errors,
			@AuthenticationPrincipal SportelloPrincipal staff, Model model) {
		ZoneId zone = profiles.getRequired().getTimeZone();
		PersonIdentity person = filter.person(errors);
		if (errors.hasErrors()) {
			model.addAttribute("problem", "backoffice.audit.person.invalid");
		}
		String subject = person == null ? null : personKeys.of(person).value();
		String reference = filter.booking();
		LocalDate day = filter.onDay();
		Instant from = day == null ? null : day.atStartOfDay(zone).toInstant();
		Instant to = day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
		if (reference != null || subject != null) {
			audit.looked(staff.staffActor(), "audit search", reference, subject);
		}
		model.addAttribute("questura", questura);
		model.addAttribute("zone", zone);
		model.addAttribute("events", audit.search(reference, subject, filter.byActor(), from, to));
		return "backoffice/audit";
	}
}
