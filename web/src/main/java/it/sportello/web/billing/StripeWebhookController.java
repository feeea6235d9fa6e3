package it.sportello.web.billing;

import it.sportello.billing.Plans;
import it.sportello.billing.StripeBilling.BillingUnavailable;
import it.sportello.billing.StripeWebhooks;
import it.sportello.billing.StripeWebhooks.InvalidSignature;
import it.sportello.billing.StripeWebhooks.MalformedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stripe/webhook}: the body is taken raw, exactly as Stripe signed it. A bad signature is a 400 and
 * changes nothing; when Stripe cannot be read back the answer is a 503, and Stripe delivers the event again.
 */
@RestController
class StripeWebhookController {

	private final StripeWebhooks webhooks;

	private final Plans plans;

	StripeWebhookController(StripeWebhooks webhooks, Plans plans) {
		this.webhooks = webhooks;
		this.plans = plans;
	}

	@PostMapping(path = "/stripe/webhook")
	ResponseEntity<String> receive(@RequestBody(required = false) String payload,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		if (!plans.stripeEnabled()) {
			return ResponseEntity.notFound().build();
		}
		if (payload == null || signature == null) {
			return ResponseEntity.badRequest().body("missing body or signature");
		}
		try {
			return ResponseEntity.ok(webhooks.handle(payload, signature).name());
		}
		catch (InvalidSignature ex) {
			return ResponseEntity.badRequest().body("invalid signature");
		}
		catch (MalformedEvent ex) {
			return ResponseEntity.badRequest().body("malformed event");
		}
		catch (BillingUnavailable ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("try again");
		}
	}
}
