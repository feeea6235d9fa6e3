package it.sportello.web.office;

import it.sportello.core.tenancy.Tenants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the Questure on the platform. */
@Controller
class HomeController {

	private final Tenants tenants;

	HomeController(Tenants tenants) {
		this.tenants = tenants;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("questure", tenants.findAllActive());
		return "home";
	}
}
