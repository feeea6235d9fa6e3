package it.sportello.web.office;

import it.sportello.core.cache.ActiveQuesture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the Questure on the platform. */
@Controller
class HomeController {

	private final ActiveQuesture questure;

	HomeController(ActiveQuesture questure) {
		this.questure = questure;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("questure", questure.all());
		return "home";
	}
}
