package it.sportello.web.account;

import java.util.List;

import it.sportello.web.security.SportelloPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller of the API is, and which roles Sportello gives them. */
@RestController
class MeApiController {

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal SportelloPrincipal principal) {
		return new Me(principal.getAccountId(), principal.getDisplayName(),
				principal.memberships().stream().map(m -> m.getRole().name()).distinct().toList());
	}

	/** The caller as the API shows them. */
	record Me(long accountId, String displayName, List<String> roles) {
	}
}
