package it.sportello.web.association;

import it.sportello.core.account.AccountRefused;
import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationMemberships;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An association's admin invites a person by e-mail to work for it; the dashboard lists its members. */
@Controller
class MembersController {

	private final AssociationMemberships memberships;

	MembersController(AssociationMemberships memberships) {
		this.memberships = memberships;
	}

	@PostMapping("/association/members")
	String invite(@AsAdmin Association association, @ModelAttribute InvitationForm form, RedirectAttributes redirect) {
		try {
			memberships.invite(association, form.email());
			redirect.addFlashAttribute("done", "association.member.invited");
		}
		catch (AccountRefused refused) {
			redirect.addFlashAttribute("problem", refused.getCode());
		}
		return "redirect:/association";
	}
}
