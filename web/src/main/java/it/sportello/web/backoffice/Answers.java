package it.sportello.web.backoffice;

import java.util.function.Supplier;

import it.sportello.core.booking.BookingRefused;
import it.sportello.core.tenancy.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a back-office action answers: saved (back to the admin page, saying so), refused with the page again and the
 * reason (a 422), or sent back to a page with the reason to read there.
 */
final class Answers {

	private Answers() {
	}

	/** After a change: back to the admin page, saying it is saved. */
	static String saved(RedirectAttributes redirect, Tenant questura, String page) {
		redirect.addFlashAttribute("done", "backoffice.saved");
		return "redirect:/q/" + questura.getSlug() + "/admin/" + page;
	}

	/** Answers a change the admin got wrong: the page again, with the reason, and a 422. */
	static String refused(HttpServletResponse response, Model model, String code, Supplier<String> page) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", code);
		return page.get();
	}

	/** Back to the page (a redirect), which shows the reason. */
	static String back(RedirectAttributes redirect, String code, String page) {
		redirect.addFlashAttribute("problem", code);
		return page;
	}

	/** The action's answer, or, when the booking's rules refuse it, back to the page with the reason. */
	static String unlessRefused(RedirectAttributes redirect, String page, Supplier<String> action) {
		try {
			return action.get();
		}
		catch (BookingRefused refused) {
			return back(redirect, refused.getCode(), page);
		}
	}
}
