package it.sportello.billing;

import java.time.Instant;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.Subscription;
import com.stripe.net.Webhook;
import it.sportello.core.association.Association;
import it.sportello.core.association.Associations;
import it.sportello.core.association.Entitlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe's webhook: the signature is checked on the raw body, each event is recorded by its id and processed once,
 * and the event is only a trigger: the subscription it concerns is read from Stripe as it is now, so that events in
 * any order end in the same entitlement. Recording and applying happen in one transaction: if reading from Stripe
 * fails, nothing is recorded and Stripe sends the event again.
 */
@Component
public class StripeWebhooks {

	private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

	private final BillingProperties properties;

	private final StripeBilling stripe;

	private final Associations associations;

	private final Plans plans;

	private final JdbcTemplate jdbc;

	StripeWebhooks(BillingProperties properties, StripeBilling stripe, Associations associations, Plans plans,
			JdbcTemplate jdbc) {
		this.properties = properties;
		this.stripe = stripe;
		this.associations = associations;
		this.plans = plans;
		this.jdbc = jdbc;
	}

	/**
	 * Handles one delivery.
	 * @throws InvalidSignature when the signature does not match the body (nothing is recorded)
	 */
	@Transactional(noRollbackFor = MalformedEvent.class)
	public Outcome handle(String payload, String signature) {
		Event event;
		try {
			if (!timely(signature, Instant.now())) {
				throw new InvalidSignature();
			}
			event = Webhook.constructEvent(payload, signature, properties.stripe().webhookSecret());
		}
		catch (SignatureVerificationException | RuntimeException ex) {
			throw new InvalidSignature();
		}
		if (!(JsonParser.parseString(payload).getAsJsonObject().get("data") instanceof JsonObject data)
				|| !(data.get("object") instanceof JsonObject)) {
			jdbc.update("insert into platform.payment_event (id, type, malformed) values (?, ?, true) on conflict do nothing",
					event.getId(), String.valueOf(event.getType()));
			throw new MalformedEvent();
		}
		if (jdbc.update("insert into platform.payment_event (id, type) values (?, ?) on conflict do nothing",
				event.getId(), event.getType()) == 0) {
			return Outcome.ALREADY_PROCESSED;
		}
		Optional<String> subscriptionId = subscriptionOf(payload);
		if (subscriptionId.isEmpty()) {
			return Outcome.IGNORED;
		}
		Subscription subscription = stripe.subscription(subscriptionId.get());
		Optional<Association> association = associationOf(subscription);
		if (association.isEmpty()) {
			log.warn("Stripe event {} is about subscription {} of no association", event.getId(), subscription.getId());
			return Outcome.IGNORED;
		}
		apply(association.get(), subscription);
		return Outcome.APPLIED;
	}

	private void apply(Association association, Subscription subscription) {
		String priceId = subscription.getItems() == null || subscription.getItems().getData().isEmpty() ? null
				: subscription.getItems().getData().get(0).getPrice().getId();
		Plan plan = plans.byStripePrice(priceId).orElse(null);
		String planCode = plan == null ? association.planCode() : plan.code();
		int quota = plan == null ? association.quota() : plan.quota();
		Entitlement entitlement = switch (String.valueOf(subscription.getStatus())) {
			case "active", "trialing" -> Entitlement.ACTIVE;
			case "past_due", "unpaid" -> Entitlement.PAST_DUE;
			case "canceled", "incomplete_expired" -> Entitlement.CANCELED;
			default -> Entitlement.NONE;
		};
		Instant grace = entitlement != Entitlement.PAST_DUE ? null
				: association.entitlement() == Entitlement.PAST_DUE && association.graceUntil() != null
						? association.graceUntil() : Instant.now().plus(properties.grace());
		associations.entitle(association.id(), planCode, quota, entitlement, grace, subscription.getId());
	}

	private Optional<Association> associationOf(Subscription subscription) {
		Optional<Association> byCustomer = subscription.getCustomer() == null ? Optional.empty()
				: associations.byStripeCustomer(subscription.getCustomer());
		if (byCustomer.isPresent()) {
			return byCustomer;
		}
		String id = subscription.getMetadata() == null ? null : subscription.getMetadata().get("association_id");
		try {
			return id == null ? Optional.empty() : associations.find(Long.parseLong(id));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the signature's timestamp is within Stripe's tolerance of now, in either direction: stripe-java's check
	 * refuses only the old ones, and a signed event dated ahead could be replayed later.
	 */
	static boolean timely(String signature, Instant now) {
		for (String part : signature.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && "t".equals(pair[0])) {
				try {
					return Math.abs(now.getEpochSecond() - Long.parseLong(pair[1])) <= Webhook.DEFAULT_TOLERANCE;
				}
				catch (NumberFormatException notANumber) {
					return false;
				}
			}
		}
		return false;
	}

	/** The subscription an event is about: a subscription itself, an invoice's, or a Checkout session's. */
	static Optional<String> subscriptionOf(String payload) {
		JsonObject object = JsonParser.parseString(payload).getAsJsonObject().getAsJsonObject("data")
			.getAsJsonObject("object");
		String type = text(object.get("object"));
		if ("subscription".equals(type)) {
			return Optional.ofNullable(text(object.get("id")));
		}
		String direct = text(object.get("subscription"));
		if (direct != null) {
			return Optional.of(direct);
		}
		// since API version 2025-03-31 an invoice names its subscription under parent.subscription_details
		JsonElement parent = object.get("parent");
		if (parent != null && parent.isJsonObject() && parent.getAsJsonObject().get("subscription_details") != null
				&& parent.getAsJsonObject().get("subscription_details").isJsonObject()) {
			return Optional.ofNullable(text(parent.getAsJsonObject().getAsJsonObject("subscription_details")
				.get("subscription")));
		}
		return Optional.empty();
	}

	private static String text(JsonElement element) {
		return element == null || element.isJsonNull() || !element.isJsonPrimitive() ? null : element.getAsString();
	}

	/** What a delivery did. */
	public enum Outcome {
		APPLIED, ALREADY_PROCESSED, IGNORED
	}

	/** A signed event without the object it is about: recorded, answered 400, never acted on. */
	public static class MalformedEvent extends RuntimeException {

		MalformedEvent() {
			super("The Stripe event has no data.object", null, false, false);
		}
	}

	/** The body is not what Stripe signed. */
	public static class InvalidSignature extends RuntimeException {

		InvalidSignature() {
			super("The Stripe signature does not match the body", null, false, false);
		}
	}
}
