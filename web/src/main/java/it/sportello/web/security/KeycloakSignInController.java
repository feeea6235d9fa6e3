package it.sportello.web.security;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** With Keycloak, the header's "Accedi" and "Registrati" lead to Keycloak's login and registration pages. */
@Controller
@Profile("keycloak")
class KeycloakSignInController {

	@GetMapping("/login")
	String login(Authentication authentication) {
		return signedIn(authentication) ? "redirect:/me" : "redirect:/oauth2/authorization/keycloak";
	}

	@GetMapping("/register")
	String register(Authentication authentication) {
		return signedIn(authentication) ? "redirect:/me" : "redirect:/oauth2/authorization/keycloak?register";
	}

	private static boolean signedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof SportelloPrincipal;
	}
}
