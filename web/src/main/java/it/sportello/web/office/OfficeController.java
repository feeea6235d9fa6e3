package it.sportello.web.office;

import it.sportello.core.catalogue.OfficeDirectory;
import it.sportello.core.tenancy.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** An office's public page: sites, contacts, hours, walk-in windows and the practice catalogue. */
@Controller
class OfficeController {

	private final OfficeDirectory directory;

	OfficeController(OfficeDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/q/{slug}")
	String office(Tenant questura, Model model) {
		model.addAttribute("questura", questura);
		model.addAttribute("office", directory.describe());
		return "office";
	}
}
