package it.sportello.web.account;

import java.util.Locale;

import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.CitizenRegistration;
import it.sportello.core.account.EmailVerification;
import it.sportello.core.account.PasswordPolicy;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Local accounts: the login page, registration and e-mail verification. The link in the verification mail opens a
 * page with a button; only the button's POST changes anything, since mail scanners follow links.
 */
@Controller
@Profile("!keycloak")
class AccountController {

	private final CitizenRegistration registration;

	private final EmailVerification verification;

	AccountController(CitizenRegistration registration, EmailVerification verification) {
		this.registration = registration;
		this.verification = verification;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			Object cause = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			// a locked account is answered as a wrong password or an unknown address is, so that the answer never tells
			// whether an address has an account; the message says that repeated failures lock the account
			model.addAttribute("loginError",
					cause instanceof DisabledException ? "login.error.unverified" : "login.error.credentials");
		}
		return "account/login";
	}

	@GetMapping("/register")
	String registerForm(@ModelAttribute("form") RegistrationForm form) {
		return "account/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult result, Locale locale,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("password")) {
			PasswordPolicy.problem(form.getPassword(), form.getEmail())
				.ifPresent(code -> result.rejectValue("password", code));
		}
		if (!result.hasErrors()) {
			try {
				registration.register(form.getEmail(), form.getDisplayName(), form.getPassword(), locale);
			}
			catch (AccountRefused refused) {
				result.rejectValue(refused.getCode().startsWith("account.password") ? "password"
						: refused.getCode().startsWith("account.email") ? "email" : "displayName", refused.getCode());
			}
		}
		if (result.hasErrors()) {
			form.setPassword(null);
			return "account/register";
		}
		redirect.addFlashAttribute("sentTo", form.getEmail());
		return "redirect:/register?sent";
	}

	@GetMapping("/account/verify")
	String verifyPage(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", verification.canVerify(token));
		return "account/verify";
	}

	@PostMapping("/account/verify")
	String verify(@RequestParam(defaultValue = "") String token, RedirectAttributes redirect) {
		if (!verification.verify(token)) {
			return "redirect:/account/verify?token=" + token;
		}
		redirect.addFlashAttribute("verified", true);
		return "redirect:/login";
	}
}
