package it.sportello.web.security;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.audit.Actors;

/** A machine calling the API with a key, for one Questura or one association. */
public record ApiClient(long keyId, ApiKeyScope scope) {

	/** Who the audit log says acted. */
	public String actor() {
		return Actors.apiKey(keyId);
	}
}
