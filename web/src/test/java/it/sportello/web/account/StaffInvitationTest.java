package it.sportello.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.Role;
import it.sportello.core.account.StaffInvitations;
import it.sportello.core.mail.DevMailbox;
import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@WebTest
class StaffInvitationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffInvitations invitations;

	@Autowired
	DevMailbox mailbox;

	@Test
	void anInvitedOperatorChoosesAPasswordAndWorksOnlyInTheirQuestura() throws Exception {
		String email = "operatrice." + System.nanoTime() % 100_000 + "@example.it";
		invitations.invite(email, Role.OPERATOR, "bergamo", Locale.ITALIAN);
		Matcher link = Pattern.compile("/account/invitation\\?token=([A-Za-z0-9_-]+)")
			.matcher(mailbox.latest(20).stream().filter(k -> k.mail().to().equals(email)).findFirst().orElseThrow().mail().body());
		assertThat(link.find()).isTrue();
		String token = link.group(1);

		mvc.perform(get("/account/invitation").param("token", token)).andExpect(status().isOk());
		mvc.perform(post("/account/invitation").param("token", token).param("password", "corta").with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(post("/account/invitation").param("token", token).param("password", "la mia frase segreta").with(csrf()))
			.andExpect(redirectedUrl("/login"));

		MockHttpSession session = SignIn.passwordOnly(mvc, email, "la mia frase segreta");
		// staff sign in with a second factor: the first time, they set up their authenticator app
		mvc.perform(get("/q/bergamo/admin").session(session)).andExpect(redirectedUrl("/login/second-factor"));
		SignIn.enrol(mvc, session, email);
		mvc.perform(get("/q/bergamo/admin").session(session)).andExpect(status().isOk());
		mvc.perform(get("/q/genova/admin").session(session)).andExpect(status().isForbidden());
	}
}
