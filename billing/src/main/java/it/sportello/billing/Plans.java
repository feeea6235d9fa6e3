package it.sportello.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The plans on offer, by code or by the Stripe price that sells them. */
@Component
@EnableConfigurationProperties(BillingProperties.class)
public class Plans {

	private final BillingProperties properties;

	Plans(BillingProperties properties) {
		this.properties = properties;
	}

	public List<Plan> all() {
		return properties.plans();
	}

	public Optional<Plan> find(String code) {
		return all().stream().filter(p -> p.code().equals(code)).findFirst();
	}

	/** The plan, if associations buy it through Stripe here. */
	public Optional<Plan> forSale(String code) {
		return find(code).filter(p -> p.stripePriceId() != null && stripeEnabled());
	}

	Optional<Plan> byStripePrice(String priceId) {
		return all().stream().filter(p -> priceId != null && priceId.equals(p.stripePriceId())).findFirst();
	}

	/** Whether associations pay through Stripe here; else a platform admin grants plans by hand. */
	public boolean stripeEnabled() {
		return properties.stripe().enabled();
	}
}
