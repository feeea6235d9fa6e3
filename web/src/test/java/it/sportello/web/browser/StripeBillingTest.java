package it.sportello.web.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.stripe.model.Subscription;
import it.sportello.core.association.Association;
import it.sportello.core.association.Associations;
import it.sportello.core.association.Entitlement;
import it.sportello.core.testsupport.AgendaFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Stripe webhook against a Stripe stub: deliveries signed with Stripe's scheme, each processed once, in any order,
 * and always ending in the entitlement of the subscription as Stripe says it is when read back.
 */
class StripeBillingTest extends RunningServerTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Associations associations;

	@Autowired
	JdbcTemplate jdbc;

	long association;

	String customer;

	String subscriptionId;

	@BeforeEach
	void anAssociationThatIsAStripeCustomer() {
		association = new AgendaFixtures(context).association(0);
		jdbc.update("update platform.association set entitlement = 'NONE', plan_code = null where id = ?", association);
		customer = "cus_" + association;
		subscriptionId = "sub_" + association;
		associations.linkStripeCustomer(association, customer);
	}

	@Test
	void anActiveSubscriptionGivesThePlansQuota() throws Exception {
		Subscription active = TestStripe.subscription(subscriptionId, customer, "active", "price_medio", periodEnd());
		TestStripe.serve(active);

		HttpResponse<String> response = deliver("evt_active_" + association, "customer.subscription.created", active);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("APPLIED");
		assertThat(current().entitlement()).isEqualTo(Entitlement.ACTIVE);
		assertThat(current().planCode()).isEqualTo("MEDIO");
		assertThat(current().quota()).isEqualTo(5);
	}

	@Test
	void aBadSignatureIsRefusedAndChangesNothing() throws Exception {
		Subscription active = TestStripe.subscription(subscriptionId, customer, "active", "price_base", periodEnd());
		TestStripe.serve(active);
		String payload = TestStripe.event("evt_forged_" + association, "customer.subscription.updated", active);

		HttpResponse<String> forged = post(payload, TestStripe.sign(payload, "whsec_someone_else"));
		HttpResponse<String> tampered = post(payload.replace("active", "trialing"), TestStripe.sign(payload,
				TestStripe.WEBHOOK_SECRET));

		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(tampered.statusCode()).isEqualTo(400);
		assertThat(current().entitlement()).isEqualTo(Entitlement.NONE);
		assertThat(jdbc.queryForObject("select count(*) from platform.payment_event where id = ?", Integer.class,
				"evt_forged_" + association)).isZero();
	}

	@Test
	void aSignedEventDatedAheadOrLongAgoIsRefusedAndOneWithoutItsObjectIsRecordedAsMalformed() throws Exception {
		Subscription active = TestStripe.subscription(subscriptionId, customer, "active", "price_base", periodEnd());
		TestStripe.serve(active);
		long now = System.currentTimeMillis() / 1000;
		String ahead = TestStripe.event("evt_ahead_" + association, "customer.subscription.updated", active);
		String old = TestStripe.event("evt_old_" + association, "customer.subscription.updated", active);

		assertThat(post(ahead, TestStripe.sign(ahead, TestStripe.WEBHOOK_SECRET, now + 3600)).statusCode()).isEqualTo(400);
		assertThat(post(old, TestStripe.sign(old, TestStripe.WEBHOOK_SECRET, now - 3600)).statusCode()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from platform.payment_event where id in (?, ?)", Integer.class,
				"evt_ahead_" + association, "evt_old_" + association)).isZero();
		assertThat(current().entitlement()).isEqualTo(Entitlement.NONE);

		String withoutObject = "{\"id\":\"evt_empty_" + association + "\",\"object\":\"event\",\"type\":"
				+ "\"invoice.paid\",\"api_version\":\"" + com.stripe.Stripe.API_VERSION + "\",\"data\":{}}";
		HttpResponse<String> malformed = post(withoutObject, TestStripe.sign(withoutObject, TestStripe.WEBHOOK_SECRET));
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).isEqualTo("malformed event");
		assertThat(jdbc.queryForObject("select malformed from platform.payment_event where id = ?", Boolean.class,
				"evt_empty_" + association)).isTrue();
	}

	@Test
	void aReplayedEventIsProcessedOnce() throws Exception {
		Subscription active = TestStripe.subscription(subscriptionId, customer, "active", "price_base", periodEnd());
		TestStripe.serve(active);
		String id = "evt_once_" + association;
		deliver(id, "customer.subscription.updated", active);
		// meanwhile the subscription was cancelled in Stripe: a replay of the old event must not act again
		TestStripe.serve(TestStripe.subscription(subscriptionId, customer, "canceled", "price_base", periodEnd()));

		HttpResponse<String> replay = deliver(id, "customer.subscription.updated", active);

		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(replay.body()).isEqualTo("ALREADY_PROCESSED");
		assertThat(current().entitlement()).isEqualTo(Entitlement.ACTIVE);
	}

	@Test
	void eventsOutOfOrderEndInTheStateStripeHasNow() throws Exception {
		Subscription created = TestStripe.subscription(subscriptionId, customer, "active", "price_base", periodEnd());
		Subscription deleted = TestStripe.subscription(subscriptionId, customer, "canceled", "price_base", periodEnd());
		TestStripe.serve(deleted);

		deliver("evt_deleted_" + association, "customer.subscription.deleted", deleted);
		deliver("evt_created_" + association, "customer.subscription.created", created);

		assertThat(current().entitlement()).isEqualTo(Entitlement.CANCELED);
	}

	@Test
	void pastDueGivesAGracePeriodThatAnotherFailedPaymentDoesNotExtend() throws Exception {
		Subscription pastDue = TestStripe.subscription(subscriptionId, customer, "past_due", "price_base", periodEnd());
		TestStripe.serve(pastDue);

		deliver("evt_failed1_" + association, "invoice.payment_failed",
				TestStripe.invoice("F1-" + association, customer, subscriptionId, 4900, "open"));
		Instant grace = current().graceUntil();
		deliver("evt_failed2_" + association, "invoice.payment_failed",
				TestStripe.invoice("F2-" + association, customer, subscriptionId, 4900, "open"));

		assertThat(current().entitlement()).isEqualTo(Entitlement.PAST_DUE);
		assertThat(grace).isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
		assertThat(current().graceUntil()).isEqualTo(grace);
		assertThat(current().entitled(Instant.now())).isTrue();
		assertThat(current().entitled(grace.plusSeconds(1))).isFalse();
	}

	@Test
	void aPaidInvoiceNamesItsSubscriptionUnderItsParentAndActivatesIt() throws Exception {
		TestStripe.serve(TestStripe.subscription(subscriptionId, customer, "active", "price_base", periodEnd()));

		deliver("evt_paid_" + association, "invoice.paid",
				TestStripe.invoice("F3-" + association, customer, subscriptionId, 4900, "paid"));

		assertThat(current().entitlement()).isEqualTo(Entitlement.ACTIVE);
		assertThat(current().quota()).isEqualTo(2);
	}

	@Test
	void checkoutGoesToStripeForThePlansPrice() {
		TestStripe.serveCustomerAndSessions("cus_new", "https://checkout.stripe.test/c/pay/cs_test_1",
				"https://billing.stripe.test/p/session/1");
		Association fresh = associations.find(new AgendaFixtures(context).association(0)).orElseThrow();

		String url = context.getBean(it.sportello.billing.StripeBilling.class).checkout(fresh,
				context.getBean(it.sportello.billing.Plans.class).find("BASE").orElseThrow(), "https://s/ok", "https://s/no");

		assertThat(url).isEqualTo("https://checkout.stripe.test/c/pay/cs_test_1");
		TestStripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withRequestBody(containing("price_base"))
			.withRequestBody(containing("mode=subscription"))
			.withRequestBody(containing("customer=cus_new")));
		assertThat(associations.find(fresh.id()).orElseThrow().stripeCustomerId()).isEqualTo("cus_new");
	}

	@Test
	void thePortalOpensForTheAssociationsCustomer() {
		TestStripe.serveCustomerAndSessions("cus_unused", "https://checkout.stripe.test/c/pay/cs_test_1",
				"https://billing.stripe.test/p/session/" + association);

		String url = context.getBean(it.sportello.billing.StripeBilling.class).portal(current(), "https://s/back");

		assertThat(url).isEqualTo("https://billing.stripe.test/p/session/" + association);
		TestStripe.server().verify(postRequestedFor(urlPathEqualTo("/v1/billing_portal/sessions"))
			.withRequestBody(containing("customer=" + customer)));
	}

	@Test
	void theDashboardsInvoicesComeFromStripe() {
		TestStripe.serveInvoices(customer, TestStripe.invoice("SP-0001", customer, subscriptionId, 4900, "paid"));

		assertThat(context.getBean(it.sportello.billing.StripeBilling.class).invoices(current()))
			.extracting(i -> i.number() + " " + i.amount() + " " + i.status())
			.containsExactly("SP-0001 49,00 EUR paid");
	}

	private Association current() {
		return associations.find(association).orElseThrow();
	}

	private HttpResponse<String> deliver(String id, String type, Object object) throws Exception {
		String payload = TestStripe.event(id, type, object);
		return post(payload, TestStripe.sign(payload, TestStripe.WEBHOOK_SECRET));
	}

	private HttpResponse<String> post(String payload, String signature) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/stripe/webhook")))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long periodEnd() {
		return Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
	}
}
