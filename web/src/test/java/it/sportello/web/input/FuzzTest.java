package it.sportello.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.ApiKeyScope;
import it.sportello.core.account.ApiKeys;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.testsupport.Agenda;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input at every operation of the OpenAPI description and every form the pages show, to each kind of person
 * who can reach it: empty, over-long, control-character, wrong-type and unknown values, and other Questure's ids. The
 * answer may refuse them (4xx); it is never a 5xx. The forms are found by reading the pages as a browser would, so a
 * new form is fuzzed without being listed here. Every run draws new values; a failure names the request and the values
 * it sent, so that it can be replayed.
 */
@WebTest
class FuzzTest {

	private static final Pattern FORM = Pattern.compile("(?s)<form([^>]*)>(.*?)</form>");

	private static final Pattern FIELD = Pattern.compile("<(?:input|select|textarea)[^>]*\\sname=\"([^\"]+)\"");

	/** Actions that would touch what other tests rely on (demo Questure, demo associations) or end the session. */
	private static final Pattern LEFT_ALONE = Pattern.compile(
			"/logout|/admin/questure/[^/]+/(suspend|reactivate)|/admin/associations/\\d+/.*");

	private static final int TRIES = 12;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	/** The seed of the choices of ids, languages and fields; jqwik draws the hostile values themselves. */
	private final long seed = System.nanoTime();

	private final Random random = new Random(seed);

	private final List<String> failures = new ArrayList<>();

	private int requests;

	/** The hostile values of the request being built, for a failure's message. */
	private final List<String> sent = new ArrayList<>();

	@Test
	void noOperationOfTheApiAnswers5xxToHostileInput() throws Exception {
		Agenda agenda = new AgendaFixtures(context).newQuestura("fuzz-api");
		long association = new AgendaFixtures(context).association(1000);
		ApiKeys keys = context.getBean(ApiKeys.class);
		String associationKey = keys.issue(ApiKeyScope.association(association), "Fuzz", null).key();
		String questuraKey = keys.issue(ApiKeyScope.questura(agenda.tenant().id().slug()), "Fuzz", null).key();
		JsonNode api = JsonMapper.builder().build().readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
			.getContentAsString());
		List<String> slugs = List.of(agenda.tenant().id().slug(), "genova", "nessuna");

		for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
				for (int i = 0; i < TRIES; i++) {
					String target = path.getKey().replace("{slug}", pick(slugs));
					target = fill(target);
					MockHttpServletRequestBuilder call = request(method, target)
						.header("X-Api-Key", target.contains("ready-list") ? questuraKey : associationKey)
						.header("Accept-Language", pick(List.of("it", "ar", "en", "xx", "")));
					for (JsonNode parameter : operation.getValue().path("parameters")) {
						if ("query".equals(parameter.path("in").asString())) {
							call.param(parameter.path("name").asString(), hostile());
						}
					}
					JsonNode body = operation.getValue().path("requestBody").path("content");
					if (body.has("application/json")) {
						call.contentType("application/json")
							.content(json(api, body.path("application/json").path("schema"), 0));
					}
					else if (body.has("text/csv")) {
						call.contentType("text/csv").content("practice_number,codice_fiscale\n" + hostile() + "," + hostile());
					}
					send(call, method + " " + target);
				}
			}
		}
		assertThat(failures).as("seed %d, %d requests", seed, requests).isEmpty();
	}

	@Test
	void noFormAnswers5xxToHostileInput() throws Exception {
		AgendaFixtures fixtures = new AgendaFixtures(context);
		Agenda agenda = fixtures.newQuestura("fuzz-forms");
		String slug = agenda.tenant().id().slug();
		Citizens people = new Citizens(context);
		MockHttpSession admin = people.signIn(mvc, people.staff("Admin Fuzz", Role.QUESTURA_ADMIN, slug));
		MockHttpSession citizen = people.signIn(mvc, people.create("Cittadina Fuzz"));
		Citizens.Citizen associationAdmin = people.withAuthenticatorApp(people.create("Patronato Fuzz"));
		context.getBean(Memberships.class).save(Membership.associationAdmin(associationAdmin.accountId(),
				fixtures.association(1000)));
		MockHttpSession association = people.signIn(mvc, associationAdmin);
		MockHttpSession platform = SignIn.demo(mvc, "platform@demo.sportello.it");

		Map<MockHttpSession, List<String>> pages = new LinkedHashMap<>();
		pages.put(new MockHttpSession(), List.of("/register", "/password/forgot", "/login", "/q/" + slug));
		pages.put(citizen, List.of("/q/" + slug + "/book", "/me", "/association/register"));
		pages.put(association, List.of("/association", "/association/bookings", "/association/import",
				"/association/api-keys", "/association/book", "/q/" + slug + "/book"));
		String office = "/q/" + slug + "/admin";
		pages.put(admin, List.of(office, office + "/day", office + "/settings", office + "/catalogue",
				office + "/catalogue/new", office + "/hours", office + "/closures", office + "/staff", office + "/audit",
				office + "/ready-list", office + "/reports", office + "/api-keys", office + "/abuse"));
		pages.put(platform, List.of("/admin", "/admin/questure/new", "/admin/associations", "/admin/abuse"));

		for (Map.Entry<MockHttpSession, List<String>> person : pages.entrySet()) {
			for (String page : person.getValue()) {
				String html = mvc.perform(get(page).session(person.getKey())).andReturn().getResponse()
					.getContentAsString();
				Matcher form = FORM.matcher(html);
				while (form.find()) {
					String action = attribute(form.group(1), "action");
					HttpMethod method = "post".equalsIgnoreCase(attribute(form.group(1), "method")) ? HttpMethod.POST
							: HttpMethod.GET;
					if (action == null || LEFT_ALONE.matcher(action).find() || action.startsWith("http")) {
						continue;
					}
					Set<String> fields = new LinkedHashSet<>();
					Matcher field = FIELD.matcher(form.group(2));
					while (field.find()) {
						if (!field.group(1).equals("_csrf")) {
							fields.add(field.group(1));
						}
					}
					boolean multipart = form.group(1).contains("multipart/form-data");
					for (int i = 0; i < TRIES; i++) {
						AbstractMockHttpServletRequestBuilder<?> call = request(method, action);
						if (multipart) {
							call = multipart(action).file("file", (hostile() + "\n" + hostile()).getBytes(StandardCharsets.UTF_8));
						}
						for (String name : fields) {
							if (random.nextInt(8) > 0) {
								call.param(name, hostile());
							}
						}
						call.param("lang", pick(List.of("it", "ar", "xx")));
						send(call.session(person.getKey()).with(csrf()), method + " " + action + " " + fields);
					}
				}
			}
		}
		assertThat(requests).as("forms found and sent").isGreaterThan(300);
		assertThat(failures).as("seed %d, %d requests", seed, requests).isEmpty();
	}

	private void send(RequestBuilder call, String request) throws Exception {
		String what = request + " with " + sent.stream().map(v -> "\"" + v.replace("\u0000", "\\0") + "\"").toList();
		sent.clear();
		requests++;
		MockHttpServletResponse response;
		try {
			response = mvc.perform(call).andReturn().getResponse();
		}
		catch (Exception unhandled) {
			failures.add(what + " threw " + unhandled);
			return;
		}
		if (response.getStatus() >= 500) {
			failures.add(what + " answered " + response.getStatus() + " " + response.getErrorMessage());
		}
	}

	/** What people and attackers really send. */
	private String hostile() {
		String value = values().sample();
		sent.add(value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value);
		return value;
	}

	private Arbitrary<String> values() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings().withChars('\u0000', '\u0007', '\u001b', '\u007f', '\n', 'a', 'ع').ofMaxLength(12),
				Arbitraries.strings().alpha().ofMinLength(300).ofMaxLength(3000),
				Arbitraries.strings().numeric().ofMaxLength(25),
				Arbitraries.of("", " ", "0", "-1", "1", "99999999999999999999", "2026-12-03", "2026-13-45", "2026-12",
						"true", "abc", "xyz", "PASSPORT", "IDENTITY_CARD", "RSSMRA85T10A562S", "' or 1=1--",
						"<script>alert(1)</script>", "%00", "../../etc/passwd", "10:00", "25:61", "it", "ar", "SN", "ZZ"));
	}

	/** A JSON body shaped like the schema, with hostile values and, sometimes, the wrong types. */
	private String json(JsonNode api, JsonNode schema, int depth) {
		JsonNode resolved = schema.has("$ref")
				? api.path("components").path("schemas").path(schema.path("$ref").asString().replace("#/components/schemas/", ""))
				: schema;
		int wrong = random.nextInt(6);
		if (wrong == 0 || depth > 3) {
			return pick(List.of("null", "[]", "{}", "\"" + escape(hostile()) + "\"", "12345678901234567890", "true"));
		}
		if (resolved.has("properties")) {
			StringBuilder object = new StringBuilder("{");
			for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
				if (random.nextInt(6) == 0) {
					continue;
				}
				if (object.length() > 1) {
					object.append(',');
				}
				object.append('"').append(property.getKey()).append("\":").append(json(api, property.getValue(), depth + 1));
			}
			return object.append('}').toString();
		}
		return switch (resolved.path("type").asString()) {
			case "integer", "number" -> pick(List.of("0", "-1", "1", "99999999999999999999", "1.5", "\"12\""));
			case "boolean" -> pick(List.of("true", "false", "\"yes\""));
			case "array" -> "[" + json(api, resolved.path("items"), depth + 1) + "]";
			default -> "\"" + escape(hostile()) + "\"";
		};
	}

	/** Replaces the path variables still in the template with hostile or plausible ids. */
	private String fill(String template) {
		Matcher variable = Pattern.compile("\\{[^}]+}").matcher(template);
		StringBuilder filled = new StringBuilder();
		while (variable.find()) {
			String value = pick(List.of("1", "0", "-1", "99999999999", "abc", "ABC2345678", "%20"));
			variable.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		variable.appendTail(filled);
		return filled.toString();
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String attribute(String tag, String name) {
		Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}
}
