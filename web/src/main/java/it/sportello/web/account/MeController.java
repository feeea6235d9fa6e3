package it.sportello.web.account;

import it.sportello.web.security.SportelloPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in person's own page; their bookings come with the citizen journey. */
@Controller
class MeController {

	@GetMapping("/me")
	String me(@AuthenticationPrincipal SportelloPrincipal user, Model model) {
		model.addAttribute("user", user);
		return "account/me";
	}
}
