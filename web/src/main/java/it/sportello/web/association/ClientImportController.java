package it.sportello.web.association;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationOffices;
import it.sportello.core.association.AssociationOffices.Office;
import it.sportello.core.association.Associations;
import it.sportello.core.association.ClientBookingImport;
import it.sportello.core.imports.ImportReport;
import it.sportello.core.office.OfficeProfiles;
import it.sportello.core.tenancy.TenantContext;
import it.sportello.web.i18n.Choice;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CSV page: an association books a file of clients at a Questura it chooses. The page shows the practice codes
 * of the Questure open to it and an example that books as it stands; the report gives each booked time in the
 * office's zone, and the quota shown after the upload counts what it booked.
 */
@Controller
@RequestMapping("/association/import")
class ClientImportController {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final Associations associations;

	private final AssociationOffices offices;

	private final ClientBookingImport clientImport;

	private final OfficeProfiles profiles;

	ClientImportController(Associations associations, AssociationOffices offices, ClientBookingImport clientImport,
			OfficeProfiles profiles) {
		this.associations = associations;
		this.offices = offices;
		this.clientImport = clientImport;
		this.profiles = profiles;
	}

	@GetMapping
	String page(Association association, @RequestParam(required = false) String questura, Model model) {
		ClientImportForm form = new ClientImportForm();
		// a Questura named in the address (the example link of its practice codes) is chosen; otherwise none is
		offices.find(association, questura).ifPresent(office -> form.setQuestura(office.questura().getSlug()));
		return page(association, form, model);
	}

	@PostMapping
	String upload(Association association, @Valid @ModelAttribute("form") ClientImportForm form, BindingResult errors,
			@AuthenticationPrincipal SportelloPrincipal user, HttpServletResponse response, Model model)
			throws IOException {
		Optional<Office> office = errors.hasFieldErrors("questura") ? Optional.empty()
				: offices.find(association, form.getQuestura());
		if (!errors.hasFieldErrors("questura") && office.isEmpty()) {
			errors.rejectValue("questura", "association.import.questura.invalid");
		}
		if (!form.hasReadableFile()) {
			errors.rejectValue("file", "import.file.required");
		}
		if (office.isPresent() && form.hasReadableFile()) {
			String content = new String(form.getFile().getBytes(), StandardCharsets.UTF_8);
			try {
				ImportReport report = TenantContext.callAs(office.get().questura().asCurrent(),
						() -> clientImport.importCsv(content, association.id(), user.actor()));
				model.addAttribute("report", report);
				model.addAttribute("zone", TenantContext.callAs(office.get().questura().asCurrent(),
						() -> profiles.getRequired().getTimeZone()));
			}
			catch (IllegalArgumentException notACsv) {
				errors.rejectValue("file", "import.file.invalid");
			}
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		// read again after an upload: the quota shown counts the bookings the file just made
		return page(associations.find(association.id()).orElse(association), form, model);
	}

	private String page(Association association, ClientImportForm form, Model model) {
		List<Office> open = offices.of(association);
		model.addAttribute("association", association);
		model.addAttribute("form", form);
		model.addAttribute("offices", open);
		model.addAttribute("questure", open.stream()
			.map(office -> new Choice(office.questura().getSlug(), office.questura().getName()))
			.toList());
		LocalDate today = LocalDate.now(ROME);
		Optional<Office> chosen = open.stream()
			.filter(office -> office.questura().getSlug().equals(form.getQuestura()))
			.findFirst();
		// the example is for the Questura chosen, else the first one where a row can book
		model.addAttribute("example", Stream.concat(chosen.stream(), open.stream())
			.flatMap(office -> ClientCsvExample.of(office, today).stream())
			.findFirst()
			.orElse(null));
		return "association/import";
	}
}
