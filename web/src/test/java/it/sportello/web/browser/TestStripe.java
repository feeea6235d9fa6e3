package it.sportello.web.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.SubscriptionItemCollection;
import com.stripe.net.ApiResource;

/**
 * Stripe as the tests see it: a WireMock server on a port chosen at start, answering the API calls Sportello makes
 * with bodies serialised from stripe-java's own objects (the API version the library pins, 2026-07-29.dahlia, where
 * a subscription's billing period sits on its items and an invoice names its subscription under
 * {@code parent.subscription_details}); and webhook deliveries signed with Stripe's scheme.
 */
final class TestStripe {

	static final String SECRET_KEY = "sk_test_sportello";

	static final String WEBHOOK_SECRET = "whsec_test_sportello";

	private static final WireMockServer SERVER = started();

	private TestStripe() {
	}

	static String apiBase() {
		return "http://localhost:" + SERVER.port();
	}

	static WireMockServer server() {
		return SERVER;
	}

	/** The subscription as Stripe would return it now. */
	static Subscription subscription(String id, String customer, String status, String priceId, long periodEnd) {
		Price price = new Price();
		price.setId(priceId);
		SubscriptionItem item = new SubscriptionItem();
		item.setId("si_" + id);
		item.setPrice(price);
		item.setCurrentPeriodEnd(periodEnd);
		SubscriptionItemCollection items = new SubscriptionItemCollection();
		items.setObject("list");
		items.setData(List.of(item));
		Subscription subscription = new Subscription();
		subscription.setId(id);
		subscription.setObject("subscription");
		subscription.setCustomer(customer);
		subscription.setStatus(status);
		subscription.setItems(items);
		return subscription;
	}

	/** From now on, Stripe answers that the subscription is as given. */
	static void serve(Subscription subscription) {
		SERVER.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + subscription.getId()))
			.withHeader("Stripe-Version", equalTo(Stripe.API_VERSION))
			.willReturn(json(subscription)));
	}

	static void serveCustomerAndSessions(String customerId, String checkoutUrl, String portalUrl) {
		Customer customer = new Customer();
		customer.setId(customerId);
		customer.setObject("customer");
		SERVER.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(json(customer)));
		com.stripe.model.checkout.Session checkout = new com.stripe.model.checkout.Session();
		checkout.setId("cs_test_1");
		checkout.setUrl(checkoutUrl);
		SERVER.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json(checkout)));
		com.stripe.model.billingportal.Session portal = new com.stripe.model.billingportal.Session();
		portal.setId("bps_test_1");
		portal.setUrl(portalUrl);
		SERVER.stubFor(post(urlPathEqualTo("/v1/billing_portal/sessions")).willReturn(json(portal)));
	}

	static void serveInvoices(String customerId, Invoice... invoices) {
		StripeCollection<Invoice> list = new StripeCollection<>();
		list.setObject("list");
		list.setData(List.of(invoices));
		list.setHasMore(false);
		list.setUrl("/v1/invoices");
		SERVER.stubFor(get(urlPathEqualTo("/v1/invoices")).withQueryParam("customer", equalTo(customerId))
			.willReturn(json(list)));
	}

	static Invoice invoice(String number, String customer, String subscription, long amountCents, String status) {
		Invoice.Parent.SubscriptionDetails details = new Invoice.Parent.SubscriptionDetails();
		details.setSubscription(subscription);
		Invoice.Parent parent = new Invoice.Parent();
		parent.setType("subscription_details");
		parent.setSubscriptionDetails(details);
		Invoice invoice = new Invoice();
		invoice.setId("in_" + number);
		invoice.setObject("invoice");
		invoice.setNumber(number);
		invoice.setCustomer(customer);
		invoice.setParent(parent);
		invoice.setAmountDue(amountCents);
		invoice.setCurrency("eur");
		invoice.setStatus(status);
		invoice.setCreated(System.currentTimeMillis() / 1000);
		invoice.setHostedInvoiceUrl("https://invoice.stripe.test/" + number);
		return invoice;
	}

	/** An event as Stripe sends it: the object at the time of the event under data.object. */
	static String event(String id, String type, Object object) {
		JsonObject event = new JsonObject();
		event.addProperty("id", id);
		event.addProperty("object", "event");
		event.addProperty("api_version", Stripe.API_VERSION);
		event.addProperty("type", type);
		event.addProperty("created", System.currentTimeMillis() / 1000);
		JsonObject data = new JsonObject();
		data.add("object", ApiResource.GSON.toJsonTree(object));
		event.add("data", data);
		return event.toString();
	}

	/** Stripe's signature header: t=timestamp, v1=HMAC-SHA256 of "timestamp.payload" with the endpoint's secret. */
	static String sign(String payload, String secret) {
		return sign(payload, secret, System.currentTimeMillis() / 1000);
	}

	/** The signature header as Stripe would have made it at that instant (epoch seconds). */
	static String sign(String payload, String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signature = HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
			return "t=" + timestamp + ",v1=" + signature;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> properties() {
		return Map.of("sportello.billing.stripe.secret-key", SECRET_KEY, "sportello.billing.stripe.webhook-secret",
				WEBHOOK_SECRET, "sportello.billing.stripe.api-base", apiBase());
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(Object body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
			.withBody(ApiResource.GSON.toJson(body));
	}

	private static WireMockServer started() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}
}
