package it.sportello.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, against every role: built from the application's own request mappings, so
 * an endpoint added without an entry here fails the build until someone decides who may call it.
 */
@WebTest
class EndpointAccessMatrixTest {

	/** Who calls: nobody signed in, a citizen, Genova's staff, the platform admin (staff with both factors). */
	enum Caller {
		ANONYMOUS(null), CITIZEN("cittadino@demo.sportello.it"), OPERATOR_GENOVA("operatore.genova@demo.sportello.it"),
		ADMIN_GENOVA("admin.genova@demo.sportello.it"), PLATFORM_ADMIN("platform@demo.sportello.it");

		final String email;

		Caller(String email) {
			this.email = email;
		}
	}

	/** Who may pass: the decision of each endpoint. */
	enum Rule {
		EVERYONE(EnumSet.allOf(Caller.class)),
		SIGNED_IN(EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS))),
		PLATFORM_ADMINS(EnumSet.of(Caller.PLATFORM_ADMIN)),
		/** tried on Genova (its staff pass) and on Bergamo (nobody passes) */
		STAFF_OF_THE_QUESTURA(EnumSet.of(Caller.OPERATOR_GENOVA, Caller.ADMIN_GENOVA)),
		/** the booking journey: citizens (and association members), never staff or platform admins */
		PEOPLE_WHO_BOOK(EnumSet.of(Caller.CITIZEN)),
		/** tried on Genova (its admin passes) and on Bergamo (nobody passes) */
		ADMIN_OF_THE_QUESTURA(EnumSet.of(Caller.ADMIN_GENOVA)),
		/** the Questura's own API key; no signed-in person */
		QUESTURAS_API_KEY(EnumSet.noneOf(Caller.class)),
		/** members of an accredited association (or its API key); none of the demo callers is one */
		ASSOCIATION_MEMBERS(EnumSet.noneOf(Caller.class));

		final Set<Caller> allowed;

		Rule(Set<Caller> allowed) {
			this.allowed = allowed;
		}
	}

	/** The decisions: "METHOD pattern" (ANY for a mapping that takes every method). */
	static final Map<String, Rule> DECISIONS = new LinkedHashMap<>();
	static {
		DECISIONS.put("GET /", Rule.EVERYONE);
		DECISIONS.put("GET /q/{slug}", Rule.EVERYONE);
		DECISIONS.put("GET /privacy", Rule.EVERYONE);
		DECISIONS.put("GET /accessibility", Rule.EVERYONE);
		DECISIONS.put("GET /legal", Rule.EVERYONE);
		DECISIONS.put("GET /contacts", Rule.EVERYONE);
		DECISIONS.put("GET /login", Rule.EVERYONE);
		DECISIONS.put("GET /register", Rule.EVERYONE);
		DECISIONS.put("POST /register", Rule.EVERYONE);
		DECISIONS.put("GET /account/verify", Rule.EVERYONE);
		DECISIONS.put("POST /account/verify", Rule.EVERYONE);
		DECISIONS.put("GET /account/invitation", Rule.EVERYONE);
		DECISIONS.put("POST /account/invitation", Rule.EVERYONE);
		DECISIONS.put("GET /password/forgot", Rule.EVERYONE);
		DECISIONS.put("POST /password/forgot", Rule.EVERYONE);
		DECISIONS.put("GET /password/reset", Rule.EVERYONE);
		DECISIONS.put("POST /password/reset", Rule.EVERYONE);
		DECISIONS.put("GET /dev/mailbox", Rule.EVERYONE);
		DECISIONS.put("GET /login/second-factor", Rule.SIGNED_IN);
		DECISIONS.put("POST /login/second-factor", Rule.SIGNED_IN);
		DECISIONS.put("GET /login/second-factor/enrol", Rule.SIGNED_IN);
		DECISIONS.put("POST /login/second-factor/enrol", Rule.SIGNED_IN);
		DECISIONS.put("GET /login/second-factor/qr.png", Rule.SIGNED_IN);
		DECISIONS.put("ANY /error", Rule.EVERYONE);
		DECISIONS.put("GET /me", Rule.SIGNED_IN);
		DECISIONS.put("GET /api/v1/me", Rule.SIGNED_IN);
		DECISIONS.put("GET /q/{slug}/book", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("GET /q/{slug}/book/{practiceId}", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("POST /q/{slug}/book/{practiceId}", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("GET /q/{slug}/book/{practiceId}/when", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("POST /q/{slug}/book/{practiceId}/when", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("GET /q/{slug}/book/{practiceId}/confirm", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("POST /q/{slug}/book/{practiceId}/confirm", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("GET /q/{slug}/book/done", Rule.PEOPLE_WHO_BOOK);
		DECISIONS.put("GET /me/booking/receipt", Rule.SIGNED_IN);
		DECISIONS.put("GET /me/booking/receipt.pdf", Rule.SIGNED_IN);
		DECISIONS.put("GET /me/booking/qr.png", Rule.SIGNED_IN);
		DECISIONS.put("GET /me/booking/appointment.ics", Rule.SIGNED_IN);
		DECISIONS.put("GET /me/booking/move", Rule.SIGNED_IN);
		DECISIONS.put("POST /me/booking/move", Rule.SIGNED_IN);
		DECISIONS.put("GET /me/booking/cancel", Rule.SIGNED_IN);
		DECISIONS.put("POST /me/booking/cancel", Rule.SIGNED_IN);
		DECISIONS.put("POST /me/messages/{slug}/{messageId}/read", Rule.SIGNED_IN);
		DECISIONS.put("POST /me/booking/offers/{slug}/{offerId}/accept", Rule.SIGNED_IN);
		DECISIONS.put("GET /me/booking/confirm", Rule.SIGNED_IN);
		DECISIONS.put("POST /me/booking/confirm", Rule.SIGNED_IN);
		DECISIONS.put("GET /q/{slug}/admin", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/day", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/check-in", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/bookings/{reference}", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/bookings/{reference}/served", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/bookings/{reference}/no-show", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/bookings/{reference}/no-show", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/bookings/{reference}/no-show/undo", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/bookings/{reference}/message", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/bookings/{reference}/cancel", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/bookings/{reference}/move", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/bookings/{reference}/move", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/bookings/{reference}/convoke", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/bookings/{reference}/convoke", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/ready-list", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/ready-list", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/import", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/import", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /api/v1/q/{slug}/ready-list", Rule.QUESTURAS_API_KEY);
		DECISIONS.put("GET /q/{slug}/admin/settings", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/settings", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/settings/sites", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/settings/associations", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/settings/walk-ins", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/settings/walk-ins/{id}/remove", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/catalogue", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/catalogue/{id}/active", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/catalogue/{id}", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/catalogue/new", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/catalogue/{id}", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/catalogue/new", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/hours", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/hours/{lineId}", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/staff", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/staff", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/staff/{membershipId}/revoke", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/audit", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/closures", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/closures/preview", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/closures", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/reports", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /q/{slug}/admin/reports/export.csv", Rule.STAFF_OF_THE_QUESTURA);
		DECISIONS.put("GET /association/register", Rule.SIGNED_IN);
		DECISIONS.put("POST /association/register", Rule.SIGNED_IN);
		DECISIONS.put("GET /association", Rule.SIGNED_IN);
		DECISIONS.put("POST /association/checkout", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /association/portal", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /association/members", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /association/import", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/bookings/{slug}/{reference}/move", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /association/bookings/{slug}/{reference}/move", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/bookings", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/book", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/import", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/bookings/{slug}/{reference}/receipt", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/bookings/{slug}/{reference}/receipt.pdf", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/bookings/{slug}/{reference}/qr.png", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/bookings/{slug}/{reference}/appointment.ics", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /association/bookings/{slug}/{reference}/cancel", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /association/api-keys", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /association/api-keys", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /association/api-keys/{id}/revoke", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /q/{slug}/admin/api-keys", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/api-keys", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /q/{slug}/admin/api-keys/{id}/revoke", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /stripe/webhook", Rule.EVERYONE);
		DECISIONS.put("GET /v3/api-docs", Rule.EVERYONE);
		DECISIONS.put("GET /v3/api-docs.yaml", Rule.EVERYONE);
		DECISIONS.put("GET /v3/api-docs/swagger-config", Rule.EVERYONE);
		DECISIONS.put("GET /swagger-ui.html", Rule.EVERYONE);
		DECISIONS.put("GET /api/v1/q/{slug}/practices", Rule.EVERYONE);
		DECISIONS.put("GET /api/v1/q/{slug}/practices/{practiceId}/free-days", Rule.EVERYONE);
		DECISIONS.put("GET /api/v1/q/{slug}/practices/{practiceId}/free-slots", Rule.EVERYONE);
		DECISIONS.put("POST /api/v1/q/{slug}/bookings", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /api/v1/q/{slug}/bookings/{reference}/move", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("POST /api/v1/q/{slug}/bookings/{reference}/cancel", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /api/v1/association/bookings", Rule.ASSOCIATION_MEMBERS);
		DECISIONS.put("GET /admin/associations", Rule.PLATFORM_ADMINS);
		DECISIONS.put("GET /admin/abuse", Rule.PLATFORM_ADMINS);
		DECISIONS.put("GET /q/{slug}/admin/abuse", Rule.ADMIN_OF_THE_QUESTURA);
		DECISIONS.put("POST /admin/associations/{id}/approve", Rule.PLATFORM_ADMINS);
		DECISIONS.put("POST /admin/associations/{id}/reject", Rule.PLATFORM_ADMINS);
		DECISIONS.put("POST /admin/associations/{id}/plan", Rule.PLATFORM_ADMINS);
		DECISIONS.put("GET /admin", Rule.PLATFORM_ADMINS);
		DECISIONS.put("GET /admin/questure/new", Rule.PLATFORM_ADMINS);
		DECISIONS.put("POST /admin/questure", Rule.PLATFORM_ADMINS);
		DECISIONS.put("POST /admin/questure/{slug}/suspend", Rule.PLATFORM_ADMINS);
		DECISIONS.put("POST /admin/questure/{slug}/reactivate", Rule.PLATFORM_ADMINS);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyMappedEndpointHasAnAuthorizationDecision() {
		assertThat(endpoints()).as("endpoints without a decision in DECISIONS").allSatisfy(endpoint ->
				assertThat(DECISIONS).containsKey(endpoint));
		assertThat(DECISIONS.keySet()).as("decisions of endpoints that no longer exist").allSatisfy(decision ->
				assertThat(endpoints()).contains(decision));
	}

	@Test
	void everyRoleGetsWhatTheDecisionSaysAtEveryEndpoint() throws Exception {
		Map<Caller, MockHttpSession> sessions = new LinkedHashMap<>();
		for (Caller caller : Caller.values()) {
			sessions.put(caller, signIn(caller));
		}
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Rule> decision : DECISIONS.entrySet()) {
			String[] parts = decision.getKey().split(" ", 2);
			for (Caller caller : Caller.values()) {
				for (String slug : List.of("genova", "bergamo")) {
					boolean expected = decision.getValue().allowed.contains(caller)
							&& (!decision.getValue().name().endsWith("_OF_THE_QUESTURA") || slug.equals("genova"));
					boolean passed = passes(parts[0], target(parts[1], slug), sessions.get(caller));
					if (passed != expected) {
						wrong.add(decision.getKey() + " as " + caller + " on " + slug + ": " + (passed ? "passed" : "refused"));
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void staffWhoGaveOnlyTheirPasswordReachOnlyTheSecondStepAndThePublicPages() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Caller caller : EnumSet.of(Caller.OPERATOR_GENOVA, Caller.ADMIN_GENOVA, Caller.PLATFORM_ADMIN)) {
			MockHttpSession halfway = SignIn.passwordOnly(mvc, caller.email, SignIn.DEMO_PASSWORD);
			assertThat(SignIn.owesSecondFactor(halfway)).as(caller.name()).isTrue();
			for (Map.Entry<String, Rule> decision : DECISIONS.entrySet()) {
				String[] parts = decision.getKey().split(" ", 2);
				boolean expected = decision.getValue() == Rule.EVERYONE || parts[1].startsWith("/login/second-factor");
				for (String slug : List.of("genova", "bergamo")) {
					boolean passed = passes(parts[0], target(parts[1], slug), halfway);
					if (passed != expected) {
						wrong.add(decision.getKey() + " as " + caller + " with the password only, on " + slug + ": "
								+ (passed ? "passed" : "refused"));
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * The path to call: ids of things that do not exist (0), and no real Questura in the platform admin's paths, so that
	 * a caller who passes changes nothing the other tests read.
	 */
	private static String target(String pattern, String slug) {
		String path = pattern.startsWith("/admin/") ? pattern.replace("{slug}", "nessuna-questura")
				: pattern.replace("{slug}", slug);
		return path.replaceAll("\\{[^}]+}", "0");
	}

	private boolean passes(String method, String path, MockHttpSession session) throws Exception {
		MockHttpServletRequestBuilder call = request(HttpMethod.valueOf("ANY".equals(method) ? "GET" : method), path)
			.with(csrf());
		if (session != null) {
			call.session(session);
		}
		MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
		String location = String.valueOf(response.getHeader("Location"));
		// sent to the second step from anywhere else means refused (the step's own pages lead to each other)
		return response.getStatus() != 401 && response.getStatus() != 403 && !location.endsWith("/login")
				&& (path.startsWith("/login/second-factor") || !location.endsWith("/login/second-factor"));
	}

	private MockHttpSession signIn(Caller caller) throws Exception {
		if (caller.email == null) {
			return null;
		}
		return SignIn.demo(mvc, caller.email);
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					endpoints.add("ANY " + pattern);
				}
				for (RequestMethod method : methods) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		}
		return endpoints;
	}
}
