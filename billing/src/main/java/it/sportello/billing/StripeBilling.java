package it.sportello.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.checkout.SessionCreateParams;
import it.sportello.core.association.Association;
import it.sportello.core.association.Associations;
import org.springframework.stereotype.Component;

/**
 * What Sportello asks of Stripe: a customer for each association, Checkout in subscription mode, the customer portal
 * for card and invoices, the list of invoices, and a subscription's current state. Used only when Stripe is
 * configured ({@link Plans#stripeEnabled()}).
 */
@Component
public class StripeBilling {

	private final BillingProperties properties;

	private final Associations associations;

	private final Plans plans;

	private volatile StripeClient client;

	StripeBilling(BillingProperties properties, Associations associations, Plans plans) {
		this.properties = properties;
		this.associations = associations;
		this.plans = plans;
	}

	/** The address of a Checkout page that subscribes the association to the plan. */
	public String checkout(Association association, Plan plan, String successUrl, String cancelUrl) {
		if (plan.stripePriceId() == null) {
			throw new IllegalArgumentException("The plan " + plan.code() + " is not sold through Stripe");
		}
		try {
			return client().checkout().sessions().create(SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
				.setCustomer(customerOf(association))
				.setClientReferenceId(String.valueOf(association.id()))
				.addLineItem(SessionCreateParams.LineItem.builder().setPrice(plan.stripePriceId()).setQuantity(1L).build())
				.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
					.putMetadata("association_id", String.valueOf(association.id()))
					.build())
				.setSuccessUrl(successUrl)
				.setCancelUrl(cancelUrl)
				.build()).getUrl();
		}
		catch (StripeException ex) {
			throw new BillingUnavailable(ex);
		}
	}

	/** The address of Stripe's customer portal, where the association manages its card and invoices. */
	public String portal(Association association, String returnUrl) {
		try {
			// the portal's parameters share their class's name with Checkout's, imported above
			return client().billingPortal().sessions().create(com.stripe.param.billingportal.SessionCreateParams.builder()
				.setCustomer(customerOf(association))
				.setReturnUrl(returnUrl)
				.build()).getUrl();
		}
		catch (StripeException ex) {
			throw new BillingUnavailable(ex);
		}
	}

	/** The association's invoices, newest first. */
	public List<InvoiceLine> invoices(Association association) {
		if (association.stripeCustomerId() == null) {
			return List.of();
		}
		try {
			return client().invoices().list(InvoiceListParams.builder()
				.setCustomer(association.stripeCustomerId())
				.setLimit(24L)
				.build()).getData().stream().map(StripeBilling::line).toList();
		}
		catch (StripeException ex) {
			throw new BillingUnavailable(ex);
		}
	}

	Subscription subscription(String id) {
		try {
			return client().subscriptions().retrieve(id);
		}
		catch (StripeException ex) {
			throw new BillingUnavailable(ex);
		}
	}

	private String customerOf(Association association) throws StripeException {
		if (association.stripeCustomerId() != null) {
			return association.stripeCustomerId();
		}
		Customer customer = client().customers().create(CustomerCreateParams.builder()
			.setName(association.name())
			.setEmail(association.pec())
			.putMetadata("association_id", String.valueOf(association.id()))
			.putMetadata("tax_number", association.taxNumber())
			.build());
		associations.linkStripeCustomer(association.id(), customer.getId());
		return customer.getId();
	}

	private StripeClient client() {
		if (client == null) {
			client = StripeClient.builder()
				.setApiKey(properties.stripe().secretKey())
				.setApiBase(properties.stripe().apiBase())
				.setMaxNetworkRetries(2)
				.build();
		}
		return client;
	}

	private static InvoiceLine line(Invoice invoice) {
		return new InvoiceLine(invoice.getNumber(), Instant.ofEpochSecond(invoice.getCreated()),
				invoice.getAmountDue() == null ? 0 : invoice.getAmountDue(), invoice.getCurrency(), invoice.getStatus(),
				invoice.getHostedInvoiceUrl());
	}

	/** An invoice as the dashboard lists it. */
	public record InvoiceLine(String number, Instant created, long amountCents, String currency, String status,
			String url) {

		/** The day it was issued, in Italy. */
		public LocalDate day() {
			return created.atZone(ZoneId.of("Europe/Rome")).toLocalDate();
		}

		public String amount() {
			return String.format(Locale.ITALY, "%d,%02d %s", amountCents / 100, amountCents % 100,
					currency == null ? "" : currency.toUpperCase(Locale.ROOT));
		}
	}

	/** Stripe did not answer as it should; nothing was changed here. */
	public static class BillingUnavailable extends RuntimeException {

		BillingUnavailable(Throwable cause) {
			super("Stripe is not available: " + cause.getMessage(), cause);
		}
	}
}
