package it.sportello.web.backoffice;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.audit.Actors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names who did something, from the actor the audit log records ({@code staff:3}, {@code account:4},
 * {@code api-key:2}, {@code system}): the account's display name, or a readable number when it is gone.
 */
@Component
class ActorNames {

	private final Accounts accounts;

	private final MessageSource messages;

	ActorNames(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The names of the actors, read in one query, by actor as recorded. */
	Map<String, String> of(Collection<String> actors, Locale locale) {
		Map<Long, String> names = accounts.findAllById(actors.stream()
			.map(Actors::accountOf)
			.flatMap(Optional::stream)
			.distinct()
			.toList()).stream().collect(Collectors.toMap(Account::getId, Account::getDisplayName));
		return actors.stream().distinct().collect(Collectors.toMap(Function.identity(), actor -> name(actor, names, locale)));
	}

	private String name(String actor, Map<Long, String> names, Locale locale) {
		if (Actors.SYSTEM.equals(actor)) {
			return messages.getMessage("audit.actor.system", null, locale);
		}
		int colon = actor.indexOf(':');
		String kind = colon < 0 ? "" : actor.substring(0, colon);
		String id = actor.substring(colon + 1);
		Optional<Long> account = Actors.accountOf(actor);
		if (account.isPresent() && names.containsKey(account.get())) {
			return names.get(account.get());
		}
		return switch (kind) {
			case "staff" -> messages.getMessage("audit.actor.staff", new Object[] { id }, locale);
			case "account" -> messages.getMessage("audit.actor.account", new Object[] { id }, locale);
			case "api-key" -> messages.getMessage("audit.actor.apiKey", new Object[] { id }, locale);
			default -> actor;
		};
	}
}
