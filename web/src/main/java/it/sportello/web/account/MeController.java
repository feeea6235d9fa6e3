package it.sportello.web.account;

import java.time.ZoneId;
import java.util.List;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.MyMessage;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in person's own page: their booking wherever it is, with its actions and the office's messages. */
@Controller
class MeController {

	private final AccountBookings myBookings;

	MeController(AccountBookings myBookings) {
		this.myBookings = myBookings;
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal SportelloPrincipal user, Model model, HttpSession session) {
		model.addAttribute("user", user);
		List<MyMessage> messages = myBookings.messages(user.getAccountId());
		model.addAttribute("messages", messages);
		UnreadMessages.remember(session, messages);
		myBookings.current(user.getAccountId()).ifPresent(mine -> model.addAttribute("mine", mine));
		model.addAttribute("entries", myBookings.entries(user.getAccountId()));
		model.addAttribute("offers", myBookings.offers(user.getAccountId()));
		model.addAttribute("rome", ZoneId.of("Europe/Rome"));
		return "account/me";
	}
}
