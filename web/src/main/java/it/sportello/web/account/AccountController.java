package it.sportello.web.account;

import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.AccountRegistration;
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
 * Local accounts: login page, registration, e-mail verification and password reset. The links in e-mails open a
 * page with a button; only the button's POST changes anything, since mail scanners follow links.
 */
@Controller
@Profile("!keycloak")
class AccountController {

	private static final PasswordPage RESET = new PasswordPage("reset", "/password/reset");

	private static final PasswordPage INVITATION = new PasswordPage("invitation", "/account/invitation");

	private final AccountRegistration registration;

	AccountController(AccountRegistration registration) {
		this.registration = registration;
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
		return passwordPage(token, registration.canAcceptInvitation(token), model, INVITATION);
	}

	@PostMapping("/account/invitation")
	String acceptInvitation(@Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return choosePassword(form, result, model, redirect, registration::acceptInvitation,
				registration::canAcceptInvitation, INVITATION);
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
		return passwordPage(token, registration.canReset(token), model, RESET);
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return choosePassword(form, result, model, redirect, registration::resetPassword, registration::canReset, RESET);
	}

	private static String passwordPage(String token, boolean valid, Model model, PasswordPage page) {
		PasswordResetForm form = new PasswordResetForm();
		form.setToken(token);
		model.addAttribute("form", form);
		return page.show(model, valid);
	}

	/** A password chosen through a link: the reset and the invitation work alike. */
	private static String choosePassword(PasswordResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect, BiPredicate<String, String> choose, Predicate<String> linkValid,
			PasswordPage page) {
		boolean done = false;
		if (!result.hasErrors()) {
			try {
				done = choose.test(form.getToken(), form.getPassword());
			}
			catch (AccountRefused refused) {
				result.rejectValue("password", refused.getCode());
			}
		}
		if (!done) {
			form.setPassword(null);
			return page.show(model, linkValid.test(form.getToken()));
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/login";
	}

	/** The page where a password is chosen through a link: its texts' key prefix and where its form posts. */
	private record PasswordPage(String page, String action) {

		String show(Model model, boolean valid) {
			model.addAttribute("page", page);
			model.addAttribute("action", action);
			model.addAttribute("valid", valid);
			return "account/password";
		}
	}
}
