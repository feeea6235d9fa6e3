package it.sportello.web.account;

import java.util.Locale;

import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.AccountRegistration;
import it.sportello.core.account.PasswordPolicy;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
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
 * Local accounts: login page, registration, e-mail verification and password reset. The links in e-mails open a
 * page with a button; only the button's POST changes anything, since mail scanners follow links.
 */
@Controller
@Profile("!keycloak")
class AccountController {

	private final AccountRegistration registration;

	AccountController(AccountRegistration registration) {
		this.registration = registration;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			Object cause = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("loginError", cause instanceof LockedException ? "login.error.locked"
					: cause instanceof DisabledException ? "login.error.unverified" : "login.error.credentials");
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
		model.addAttribute("valid", registration.canVerify(token));
		return "account/verify";
	}

	@PostMapping("/account/verify")
	String verify(@RequestParam(defaultValue = "") String token, RedirectAttributes redirect) {
		if (!registration.verify(token)) {
			return "redirect:/account/verify?token=" + token;
		}
		redirect.addFlashAttribute("verified", true);
		return "redirect:/login";
	}

	@GetMapping("/account/invitation")
	String invitationPage(@RequestParam(defaultValue = "") String token, Model model) {
		PasswordResetForm form = new PasswordResetForm();
		form.setToken(token);
		model.addAttribute("form", form);
		model.addAttribute("valid", registration.canAcceptInvitation(token));
		return "account/invitation";
	}

	@PostMapping("/account/invitation")
	String acceptInvitation(@Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		boolean done = false;
		if (!result.hasErrors()) {
			try {
				done = registration.acceptInvitation(form.getToken(), form.getPassword());
			}
			catch (AccountRefused refused) {
				result.rejectValue("password", refused.getCode());
			}
		}
		if (!done) {
			model.addAttribute("valid", registration.canAcceptInvitation(form.getToken()));
			form.setPassword(null);
			return "account/invitation";
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/login";
	}

	@GetMapping("/password/forgot")
	String forgotPage() {
		return "account/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Locale locale) {
		registration.requestReset(email, locale);
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset")
	String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
		PasswordResetForm form = new PasswordResetForm();
		form.setToken(token);
		model.addAttribute("form", form);
		model.addAttribute("valid", registration.canReset(token));
		return "account/reset";
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		boolean done = false;
		if (!result.hasErrors()) {
			try {
				done = registration.resetPassword(form.getToken(), form.getPassword());
			}
			catch (AccountRefused refused) {
				result.rejectValue("password", refused.getCode());
			}
		}
		if (!done) {
			model.addAttribute("valid", registration.canReset(form.getToken()));
			form.setPassword(null);
			return "account/reset";
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/login";
	}
}
