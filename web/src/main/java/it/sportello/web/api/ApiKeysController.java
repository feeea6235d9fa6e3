package it.sportello.web.api;

import java.time.ZoneId;

import it.sportello.core.account.AccountRefused;
import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.core.association.Association;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.association.AssociationMemberships;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API keys of an association (its admins, {@code /association/api-keys}) and of a Questura (its admins,
 * {@code /q/{slug}/admin/api-keys}): create one (the whole key is shown once, on the answer to the form), list them
 * (the beginning of each, when made and last used) and revoke one.
 */
@Controller
class ApiKeysController {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final ApiKeys keys;

	private final AssociationMemberships associations;

	ApiKeysController(ApiKeys keys, AssociationMemberships associations) {
		this.keys = keys;
		this.associations = associations;
	}

	@GetMapping("/association/api-keys")
	String associationKeys(@AuthenticationPrincipal SportelloPrincipal person, Model model) {
		Association association = adminsAssociation(person);
		return page(ApiKeyScope.association(association.id()), association.name(), "/association/api-keys", model);
	}

	@PostMapping("/association/api-keys")
	String createForAssociation(@RequestParam(defaultValue = "") String label,
			@AuthenticationPrincipal SportelloPrincipal person, Model model, HttpServletResponse response) {
		Association association = adminsAssociation(person);
		return create(ApiKeyScope.association(association.id()), association.name(), "/association/api-keys", label,
				person, model, response);
	}

	@PostMapping("/association/api-keys/{id}/revoke")
	String revokeForAssociation(@PathVariable long id, @AuthenticationPrincipal SportelloPrincipal person,
			RedirectAttributes redirect) {
		return revoke(ApiKeyScope.association(adminsAssociation(person).id()), id, "/association/api-keys", redirect);
	}

	@GetMapping("/q/{slug}/admin/api-keys")
	String questuraKeys(Tenant questura, Model model) {
		return page(ApiKeyScope.questura(questura.getSlug()), questura.getName(), base(questura), model);
	}

	@PostMapping("/q/{slug}/admin/api-keys")
	String createForQuestura(Tenant questura,
			@RequestParam(defaultValue = "") String label, @AuthenticationPrincipal SportelloPrincipal person,
			Model model, HttpServletResponse response) {
		return create(ApiKeyScope.questura(questura.getSlug()), questura.getName(), base(questura), label, person, model,
				response);
	}

	@PostMapping("/q/{slug}/admin/api-keys/{id}/revoke")
	String revokeForQuestura(Tenant questura, @PathVariable long id,
			RedirectAttributes redirect) {
		return revoke(ApiKeyScope.questura(questura.getSlug()), id, base(questura), redirect);
	}

	private String page(ApiKeyScope scope, String owner, String base, Model model) {
		model.addAttribute("owner", owner);
		model.addAttribute("base", base);
		model.addAttribute("keys", keys.of(scope));
		model.addAttribute("zone", ROME);
		return "api/api-keys";
	}

	private String create(ApiKeyScope scope, String owner, String base, String label, SportelloPrincipal person,
			Model model, HttpServletResponse response) {
		try {
			model.addAttribute("issued", keys.issue(scope, label, person.getAccountId()).key());
		}
		catch (AccountRefused refused) {
			model.addAttribute("labelError", refused.getCode());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		// the key is on this answer only: it is kept as a hash
		return page(scope, owner, base, model);
	}

	private String revoke(ApiKeyScope scope, long id, String base, RedirectAttributes redirect) {
		if (!keys.revoke(scope, id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("done", "apiKeys.revoked");
		return "redirect:" + base;
	}

	private Association adminsAssociation(SportelloPrincipal person) {
		if (!associations.isAdmin(person.getAccountId())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return associations.association(person.getAccountId()).orElseThrow(
				() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

	private static String base(Tenant questura) {
		return "/q/" + questura.getSlug() + "/admin/api-keys";
	}
}
