package it.sportello.web.account;

import it.sportello.core.account.AccountBookings;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The person marks an office's message read, whichever of their bookings it is about. */
@Controller
class MyMessagesController {

	private final AccountBookings myBookings;

	MyMessagesController(AccountBookings myBookings) {
		this.myBookings = myBookings;
	}

	@PostMapping("/me/messages/{slug}/{messageId}/read")
	String read(@AuthenticationPrincipal SportelloPrincipal user, @PathVariable String slug,
			@PathVariable long messageId, HttpSession session) {
		myBookings.markRead(user.getAccountId(), slug, messageId);
		UnreadMessages.forget(session);
		return "redirect:/me#messages";
	}
}
