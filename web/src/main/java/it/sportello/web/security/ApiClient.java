package it.sportello.web.security;

import it.sportello.core.account.ApiKeyScope;

/** A machine calling the API with a key, for one Questura or one association. */
public record ApiClient(long keyId, ApiKeyScope scope) {
}
