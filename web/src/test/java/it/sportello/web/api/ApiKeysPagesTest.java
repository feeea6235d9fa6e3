package it.sportello.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.testsupport.AgendaFixtures;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Association admins and Questura admins create, list and revoke their API keys; a key is shown once. */
@WebTest
class ApiKeysPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void anAssociationAdminCreatesAKeySeenOnceUsesItAndRevokesIt() throws Exception {
		long association = new AgendaFixtures(context).association(5);
		Citizens people = new Citizens(context);
		Citizen admin = people.withAuthenticatorApp(people.create("Responsabile API"));
		context.getBean(Memberships.class).save(Membership.associationAdmin(admin.accountId(), association));
		MockHttpSession session = people.signIn(mvc, admin);

		mvc.perform(post("/association/api-keys").param("label", " ").with(csrf()).session(session))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Date alla chiave un nome")));
		String page = mvc.perform(post("/association/api-keys").param("label", "Gestionale").with(csrf()).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = find(page, "(sk_[a-z2-9]{8}\\.[a-z2-9]{40})");
		mvc.perform(get("/association/api-keys").session(session))
			.andExpect(content().string(containsString(key.substring(0, 11) + "…")))
			.andExpect(content().string(not(containsString(key))))
			.andExpect(content().string(containsString("Gestionale")));

		mvc.perform(get("/api/v1/association/bookings").header("X-Api-Key", key)).andExpect(status().isOk());
		mvc.perform(get("/association/api-keys").session(session)).andExpect(content().string(not(containsString(">mai<"))));
		String revoke = find(mvc.perform(get("/association/api-keys").session(session)).andReturn().getResponse()
			.getContentAsString(), "action=\"(/association/api-keys/\\d+/revoke)\"");
		mvc.perform(post(revoke).with(csrf()).session(session)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/association/bookings").header("X-Api-Key", key)).andExpect(status().isUnauthorized());

		// a member who is not its admin has no keys page
		Citizen member = people.create("Operatore");
		context.getBean(Memberships.class).save(Membership.associationMember(member.accountId(), association));
		mvc.perform(get("/association/api-keys").session(people.signIn(mvc, member))).andExpect(status().isForbidden());
	}

	@Test
	void aQuesturasAdminKeysSendTheReadyListAndAnotherQuesturasKeyIsNotTheirsToRevoke() throws Exception {
		Citizens people = new Citizens(context);
		MockHttpSession genova = people.signIn(mvc, people.staff("Admin Genova", Role.QUESTURA_ADMIN, "genova"));
		MockHttpSession bergamo = people.signIn(mvc, people.staff("Admin Bergamo", Role.QUESTURA_ADMIN, "bergamo"));

		String page = mvc.perform(post("/q/genova/admin/api-keys").param("label", "Sistema interno").with(csrf())
				.session(genova))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = find(page, "(sk_[a-z2-9]{8}\\.[a-z2-9]{40})");
		mvc.perform(post("/api/v1/q/genova/ready-list").header("X-Api-Key", key).contentType("text/csv")
			.content("practice_number\nPRATICA-API-1\n")).andExpect(status().isOk());
		String revoke = find(mvc.perform(get("/q/genova/admin/api-keys").session(genova)).andReturn().getResponse()
			.getContentAsString(), "action=\"/q/genova/admin/api-keys/(\\d+)/revoke\"");

		mvc.perform(post("/q/bergamo/admin/api-keys/" + revoke + "/revoke").with(csrf()).session(bergamo))
			.andExpect(status().isNotFound());
		mvc.perform(post("/q/genova/admin/api-keys/" + revoke + "/revoke").with(csrf()).session(bergamo))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/q/genova/ready-list").header("X-Api-Key", key).contentType("text/csv")
			.content("practice_number\nPRATICA-API-2\n")).andExpect(status().isOk());
	}

	private static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}
}
