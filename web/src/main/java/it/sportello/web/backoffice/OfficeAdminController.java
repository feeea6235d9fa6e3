package it.sportello.web.backoffice;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import it.sportello.core.office.Contacts;
import it.sportello.core.office.OfficeProfile;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.office.OpeningHours;
import it.sportello.core.office.ServiceLine;
import it.sportello.core.office.ServiceLines;
import it.sportello.core.office.Site;
import it.sportello.core.office.Sites;
import it.sportello.core.office.WalkInWindow;
import it.sportello.core.office.WalkInWindows;
import it.sportello.core.person.PersonIdentity;
import it.sportello.core.person.PersonKeys;
import it.sportello.core.slot.SlotHorizon;
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
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A Questura admin's configuration of the office: settings (contacts, notice, patron day, release), sites and walk-in
 * windows, the practice catalogue, the weekly hours, the staff, and the audit log. Closures have their own controller.
 * A change a person got wrong is refused with a message and a 422; nothing half-done is kept.
 */
@Controller
@RequestMapping("/q/{slug}/admin")
class OfficeAdminController {

	private static final String TENANT = "it.sportello.core.tenancy.Tenant";

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d/M");

	private final OfficeProfiles profiles;

	private final Sites sites;

	private final WalkInWindows walkIns;

	private final Practices practices;

	private final Catalogue catalogue;

	private final ServiceLines serviceLines;

	private final SlotHorizon slotHorizon;

	private final Memberships memberships;

	private final Accounts accounts;

	private final StaffInvitations invitations;

	private final AuditLog audit;

	private final PersonKeys personKeys;

	private final it.sportello.core.association.Associations associations;

	private final it.sportello.core.slot.SlotGenerator slotGenerator;

	OfficeAdminController(OfficeProfiles profiles, Sites sites, WalkInWindows walkIns, Practices practices,
			Catalogue catalogue, ServiceLines serviceLines, SlotHorizon slotHorizon, Memberships memberships,
			Accounts accounts, StaffInvitations invitations, AuditLog audit, PersonKeys personKeys,
			it.sportello.core.association.Associations associations, it.sportello.core.slot.SlotGenerator slotGenerator) {
		this.slotGenerator = slotGenerator;
		this.associations = associations;
		this.profiles = profiles;
		this.sites = sites;
		this.walkIns = walkIns;
		this.practices = practices;
		this.catalogue = catalogue;
		this.serviceLines = serviceLines;
		this.slotHorizon = slotHorizon;
		this.memberships = memberships;
		this.accounts = accounts;
		this.invitations = invitations;
		this.audit = audit;
		this.personKeys = personKeys;
	}

	// settings, sites and walk-in windows

	@GetMapping("/settings")
	String settings(@RequestAttribute(TENANT) Tenant questura, Model model) {
		return settingsPage(questura, model);
	}

	@PostMapping("/settings")
	String saveSettings(@RequestAttribute(TENANT) Tenant questura, @RequestParam Map<String, String> form,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		MonthDay patron = monthDay(form.get("patronDay"));
		Integer daysAhead = number(form.get("releaseDaysAhead"));
		LocalTime releaseTime = time(form.get("releaseTime"));
		if (patron == null) {
			return refuse(response, model, "onboarding.patronDay.invalid", () -> settingsPage(questura, model));
		}
		Integer window = number(form.getOrDefault("drawWindowSeconds", "60"));
		Integer share = number(form.getOrDefault("associationSharePercent", "30"));
		if (daysAhead == null || daysAhead < 1 || daysAhead > 120 || releaseTime == null || window == null || window < 0
				|| window > 3600 || share == null || share < 0 || share > 100) {
			return refuse(response, model, "backoffice.settings.release.invalid", () -> settingsPage(questura, model));
		}
		OfficeProfile profile = profiles.getRequired();
		profile.revise(new Contacts(text(form.get("phone")), text(form.get("email")), text(form.get("pec")),
				text(form.get("website"))), patron);
		profile.publishNotice(text(form.get("notice_it")) == null ? null : new LocalizedText(text(form.get("notice_it")),
				text(form.get("notice_en")), text(form.get("notice_fr")), text(form.get("notice_ar"))));
		boolean releaseChanged = !daysAhead.equals(profile.getReleaseDaysAhead())
				|| !releaseTime.equals(profile.getReleaseTime());
		profile.releaseSlots(daysAhead, releaseTime);
		profile.drawReleases(window, share);
		profiles.save(profile);
		if (releaseChanged) {
			slotGenerator.rescheduleReleases();
		}
		return done(redirect, questura, "settings");
	}

	@PostMapping("/settings/sites")
	String addSite(@RequestAttribute(TENANT) Tenant questura, @RequestParam Map<String, String> form,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String code = text(form.get("code"));
		if (code == null || text(form.get("name")) == null || text(form.get("address")) == null
				|| text(form.get("postalCode")) == null || text(form.get("city")) == null) {
			return refuse(response, model, "onboarding.site.incomplete", () -> settingsPage(questura, model));
		}
		if (sites.findByCode(code.toUpperCase(Locale.ROOT)).isPresent()) {
			model.addAttribute("problemArg", code);
			return refuse(response, model, "onboarding.site.duplicate", () -> settingsPage(questura, model));
		}
		sites.save(new Site(code.toUpperCase(Locale.ROOT), sites.findAll().size(),
				LocalizedText.italian(text(form.get("name"))), text(form.get("address")), text(form.get("postalCode")),
				text(form.get("city"))));
		return done(redirect, questura, "settings");
	}

	@PostMapping("/settings/walk-ins")
	String addWalkIn(@RequestAttribute(TENANT) Tenant questura, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> days, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Site site = number(form.get("site")) == null ? null
				: sites.findById((long) number(form.get("site"))).orElse(null);
		LocalTime opens = time(form.get("opens"));
		LocalTime closes = time(form.get("closes"));
		Set<DayOfWeek> chosen = days == null ? Set.of()
				: days.stream().map(OfficeAdminController::dayOfWeek).filter(d -> d != null).collect(Collectors.toSet());
		if (site == null || opens == null || closes == null || !closes.isAfter(opens) || chosen.isEmpty()
				|| text(form.get("description")) == null) {
			return refuse(response, model, "backoffice.walkIn.invalid", () -> settingsPage(questura, model));
		}
		walkIns.save(new WalkInWindow(site, walkIns.findAll().size(), EnumSet.copyOf(chosen), opens, closes,
				LocalizedText.italian(text(form.get("description")))));
		return done(redirect, questura, "settings");
	}

	@PostMapping("/settings/associations")
	String associationsHere(@RequestAttribute(TENANT) Tenant questura, @RequestParam(defaultValue = "false") boolean restricted,
			@RequestParam(required = false) List<Long> allowed, RedirectAttributes redirect) {
		associations.changeProtocolHere(restricted, allowed == null ? List.of() : allowed.stream()
			.filter(id -> id != null && associations.find(id).isPresent())
			.toList());
		return done(redirect, questura, "settings");
	}

	@PostMapping("/settings/walk-ins/{id}/remove")
	String removeWalkIn(@RequestAttribute(TENANT) Tenant questura, @PathVariable long id, RedirectAttributes redirect) {
		walkIns.deleteById(id);
		return done(redirect, questura, "settings");
	}

	// the catalogue

	@GetMapping("/catalogue")
	String catalogue(@RequestAttribute(TENANT) Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("practices", practices.findAllByOrderByPosition());
		return "backoffice/catalogue";
	}

	@PostMapping("/catalogue/{id}/active")
	String toggle(@RequestAttribute(TENANT) Tenant questura, @PathVariable long id, @RequestParam boolean active,
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
	String editPractice(@RequestAttribute(TENANT) Tenant questura, @PathVariable long id, Model model) {
		return practicePage(questura, practice(id), model);
	}

	@GetMapping("/catalogue/new")
	String newPractice(@RequestAttribute(TENANT) Tenant questura, Model model) {
		return practicePage(questura, null, model);
	}

	@PostMapping({ "/catalogue/{id}", "/catalogue/new" })
	@Transactional
	String savePractice(@RequestAttribute(TENANT) Tenant questura, @PathVariable(required = false) Long id,
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

	// weekly hours

	@GetMapping("/hours")
	String hours(@RequestAttribute(TENANT) Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		List<ServiceLine> lines = serviceLines.findAllByOrderByPosition();
		model.addAttribute("lines", lines);
		model.addAttribute("hours", lines.stream().collect(Collectors.toMap(ServiceLine::getId, line -> line.getHours()
			.stream()
			.collect(Collectors.toMap(OpeningHours::dayOfWeek, Function.identity(), (a, b) -> a)))));
		model.addAttribute("weekDays", DayOfWeek.values());
		return "backoffice/hours";
	}

	@PostMapping("/hours/{lineId}")
	String saveHours(@RequestAttribute(TENANT) Tenant questura, @PathVariable long lineId,
			@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		ServiceLine line = serviceLines.findById(lineId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (form.keySet().stream().noneMatch(key -> key.endsWith(".opens"))) {
			// not the hours form (it always sends every day, empty for a closed one): nothing is changed
			model.addAttribute("problemArg", "–");
			return refuse(response, model, "backoffice.hours.invalid", () -> hours(questura, model));
		}
		List<OpeningHours> weekly = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			LocalTime opens = time(form.get(day + ".opens"));
			LocalTime closes = time(form.get(day + ".closes"));
			if (opens == null && closes == null) {
				continue;
			}
			Integer minutes = number(form.get(day + ".slotMinutes"));
			Integer counters = number(form.get(day + ".counters"));
			if (opens == null || closes == null || !closes.isAfter(opens) || minutes == null || minutes < 5
					|| minutes > 240 || counters == null || counters < 1 || counters > 50) {
				model.addAttribute("problemArg", day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ITALIAN));
				return refuse(response, model, "backoffice.hours.invalid", () -> hours(questura, model));
			}
			weekly.add(new OpeningHours(day, opens, closes, minutes, counters));
		}
		line.replaceHours(weekly);
		serviceLines.save(line);
		slotHorizon.rebuild();
		return done(redirect, questura, "hours");
	}

	// staff

	@GetMapping("/staff")
	String staff(@RequestAttribute(TENANT) Tenant questura, Model model) {
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
	String invite(@RequestAttribute(TENANT) Tenant questura, @RequestParam(defaultValue = "") String email,
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
	String revoke(@RequestAttribute(TENANT) Tenant questura, @PathVariable long membershipId,
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
	String audit(@RequestAttribute(TENANT) Tenant questura, @RequestParam Map<String, String> filter,
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
			audit.looked(DayController.actor(staff), "audit search", reference, subject);
		}
		model.addAttribute("events", audit.search(reference, subject, text(filter.get("actor")), from, to));
		return "backoffice/audit";
	}

	private String settingsPage(Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("profile", profiles.getRequired());
		model.addAttribute("sites", sites.findAllByOrderByPosition());
		model.addAttribute("walkIns", walkIns.findAllByOrderByPosition());
		model.addAttribute("weekDays", DayOfWeek.values());
		model.addAttribute("patronDay", DAY_MONTH.format(profiles.getRequired().getPatronSaintDay()));
		model.addAttribute("accredited", associations.all().stream()
			.filter(a -> a.status() == it.sportello.core.association.AssociationStatus.APPROVED)
			.toList());
		model.addAttribute("protocol", associations.protocolHere());
		return "backoffice/settings";
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

	private static String refuse(HttpServletResponse response, Model model, String code,
			java.util.function.Supplier<String> page) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", code);
		return page.get();
	}

	private static String done(RedirectAttributes redirect, Tenant questura, String page) {
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

	private static MonthDay monthDay(String value) {
		try {
			return value == null ? null : MonthDay.parse(value.strip(), DAY_MONTH);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static DayOfWeek dayOfWeek(String value) {
		return enumValue(DayOfWeek.class, value);
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
