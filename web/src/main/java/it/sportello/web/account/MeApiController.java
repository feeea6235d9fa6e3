package it.sportello.web.account;

import java.util.List;

import it.sportello.web.security.ApiClient;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller of the API is: a person and their roles, or a key and what it is for. */
@RestController
class MeApiController {

	@GetMapping("/api/v1/me")
	Me me(Authentication authentication) {
		if (authentication.getPrincipal() instanceof ApiClient client) {
			return new Me("API_KEY", null, null, List.of(), client.scope().tenantSlug(), client.scope().associationId());
		}
		SportelloPrincipal person = (SportelloPrincipal) authentication.getPrincipal();
		return new Me("PERSON", person.getAccountId(), person.getDisplayName(),
				person.memberships().stream().map(m -> m.getRole().name()).distinct().toList(), null, null);
	}

	/**
	 * The caller as the API shows them.
	 * @param kind PERSON or API_KEY
	 */
	record Me(String kind, Long accountId, String displayName, List<String> roles, String tenantSlug,
			Long associationId) {
	}
}
