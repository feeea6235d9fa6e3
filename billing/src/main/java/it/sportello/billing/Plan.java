package it.sportello.billing;

import java.util.List;
import java.util.Locale;

/**
 * A plan an association buys: how many active bookings it may hold across all Questure, at what price a month.
 * @param stripePriceId the recurring Price in Stripe that sells it, when Stripe is used
 */
public record Plan(String code, String name, int quota, int monthlyPriceCents, String stripePriceId) {

	/** The plans on offer when the configuration names none. */
	static final List<Plan> DEFAULTS = List.of(new Plan("BASE", "Base", 20, 4900, null),
			new Plan("MEDIO", "Medio", 100, 19900, null), new Plan("GRANDE", "Grande", 500, 79900, null),
			new Plan("PROTOCOLLO", "Protocollo (gratuito)", 50, 0, null));

	public String price() {
		return String.format(Locale.ITALY, "%d,%02d €", monthlyPriceCents / 100, monthlyPriceCents % 100);
	}
}
