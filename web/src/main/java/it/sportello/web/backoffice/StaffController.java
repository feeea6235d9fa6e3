package it.sportello.web.backoffice;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.StaffInvitations;
import it.sportello.core.tenancy.Tenant;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's staff as its admin manages them: who they are, an invitation to someone new, and the revocation of
 * someone's access (never the admin's own, which would lock the office out).
 */
@Controller
@RequestMapping("/q/{slug}/admin/staff")
class StaffController {

	private final Memberships memberships;

	private final Accounts accounts;

	private final StaffInvitations invitations;

	StaffController(Memberships memberships, Accounts accounts, StaffInvitations invitations) {
		this.memberships = memberships;
		this.accounts = accounts;
		this.invitations = invitations;
	}

	@GetMapping
	String staff(Tenant questura, Model model) {
		List<Membership> staff = memberships.findByTenantSlug(questura.getSlug());
		Map<Long, Account> people = accounts.findAllById(staff.stream().map(Membership::getAccountId).toList())
			.stream()
			.collect(Collectors.toMap(Account::getId, Function.identity()));
		model.addAttribute("questura", questura);
		model.addAttribute("staff", staff);
		model.addAttribute("people", people);
		return "backoffice/staff";
	}

	@PostMapping
	String invite(Tenant questura, @Valid InvitationForm form, BindingResult errors, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return Answers.refused(response, model, "backoffice.staff.invalid", () -> staff(questura, model));
		}
		invitations.invite(form.address(), form.getRole(), questura.getSlug(), Locale.ITALIAN);
		return Answers.saved(redirect, questura, "staff");
	}

	@PostMapping("/{membershipId}/revoke")
	String revoke(Tenant questura, @PathVariable long membershipId,
			@AuthenticationPrincipal SportelloPrincipal admin, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Membership membership = memberships.findById(membershipId)
			.filter(m -> questura.getSlug().equals(m.getTenantSlug()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (membership.getAccountId() == admin.getAccountId()) {
			return Answers.refused(response, model, "backoffice.staff.notYourself", () -> staff(questura, model));
		}
		memberships.delete(membership);
		return Answers.saved(redirect, questura, "staff");
	}
}
