package it.sportello.web.account;

import java.util.List;

import it.sportello.core.mail.DevMailbox;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The development mailbox: the mail Sportello would have sent, when no SMTP server is configured. Never in prod, and
 * only to a browser on this machine (it holds password-reset and invitation links).
 */
@Controller
@Profile("!prod")
class DevMailboxController {

	private final ObjectProvider<DevMailbox> mailbox;

	DevMailboxController(ObjectProvider<DevMailbox> mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/dev/mailbox")
	String mailbox(HttpServletRequest request, Model model) {
		LoopbackOnly.require(request);
		DevMailbox box = mailbox.getIfAvailable();
		model.addAttribute("mails", box == null ? List.of() : box.latest(50));
		model.addAttribute("smtp", box == null);
		return "account/mailbox";
	}
}
