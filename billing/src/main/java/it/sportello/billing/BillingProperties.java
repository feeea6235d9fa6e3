package it.sportello.billing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The plans associations buy and the Stripe account that sells them.
 * @param plans the plans on offer
 * @param grace how long a past-due association may still book
 * @param stripe the Stripe keys; without a secret key there is no checkout and a platform admin grants plans by hand
 */
@ConfigurationProperties("sportello.billing")
public record BillingProperties(List<Plan> plans, @DefaultValue("7d") Duration grace, @DefaultValue Stripe stripe) {

	public BillingProperties {
		plans = plans == null || plans.isEmpty() ? Plan.DEFAULTS : List.copyOf(plans);
	}

	/**
	 * Stripe's side.
	 * @param secretKey the API's secret key ({@code sk_...}), or empty
	 * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_...})
	 * @param apiBase where the API is (tests point it at a stub)
	 */
	public record Stripe(String secretKey, String webhookSecret, @DefaultValue("https://api.stripe.com") String apiBase) {

		public boolean enabled() {
			return secretKey != null && !secretKey.isBlank();
		}
	}
}
