package it.sportello.web.account;

import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import it.sportello.core.account.AccountInvitations;
import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.PasswordReset;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A password chosen through the link of an e-mail: an invitation's, or a reset's (asked for on the "forgot" page).
 * The link opens a page with a form; only its POST changes anything, since mail scanners follow links.
 */
@Controller
@Profile("!keycloak")
class PasswordLinksController {

	private static final PasswordPage RESET = new PasswordPage("reset", "/password/reset");

	private static final PasswordPage INVITATION = new PasswordPage("invitation", "/account/invitation");

	private final AccountInvitations invitations;

	private final PasswordReset passwordReset;

	PasswordLinksController(AccountInvitations invitations, PasswordReset passwordReset) {
		this.invitations = invitations;
		this.passwordReset = passwordReset;
	}

	@GetMapping("/account/invitation")
	String invitationPage(@RequestParam(defaultValue = "") String token, Model model) {
		return passwordPage(token, invitations.canAccept(token), model, INVITATION);
	}

	@PostMapping("/account/invitation")
	String acceptInvitation(@Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return choosePassword(form, result, model, redirect, invitations::accept, invitations::canAccept,
				INVITATION);
	}

	@GetMapping("/password/forgot")
	String forgotPage() {
		return "account/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Locale locale) {
		passwordReset.request(email, locale);
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset")
	String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
		return passwordPage(token, passwordReset.canReset(token), model, RESET);
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") PasswordResetForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return choosePassword(form, result, model, redirect, passwordReset::reset, passwordReset::canReset, RESET);
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
