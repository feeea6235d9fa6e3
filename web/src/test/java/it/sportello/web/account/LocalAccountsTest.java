package it.sportello.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.Accounts;
import it.sportello.core.mail.DevMailbox;
import it.sportello.core.mail.OutgoingMail;
import it.sportello.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebTest
class LocalAccountsTest {

	static final String PASSWORD = "una frase lunga e mia";

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	Accounts accounts;

	@Test
	void registerVerifyByTheButtonAndSignIn() throws Exception {
		String email = newEmail();
		register(email, PASSWORD).andExpect(redirectedUrl("/register?sent"));

		OutgoingMail mail = lastMailTo(email);
		assertThat(mail.subject()).contains("conferma");
		String link = link(mail, "/account/verify");
		String token = link.substring(link.indexOf("token=") + 6);

		mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(get("/account/verify").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Conferma l&#39;indirizzo")));
		assertThat(accounts.findByEmail(email)).get().extracting("emailVerified").isEqualTo(false);

		mvc.perform(post("/account/verify").param("token", token).with(csrf())).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(authenticated());
		mvc.perform(post("/account/verify").param("token", token).with(csrf()))
			.andExpect(redirectedUrl("/account/verify?token=" + token));
	}

	@Test
	void mailLinksComeFromTheConfiguredAddressNeverFromTheRequestsHost() throws Exception {
		String email = newEmail();
		mvc.perform(post("/register").header("Host", "attacker.example").header("X-Forwarded-Host", "attacker.example")
			.param("displayName", "Awa Diop")
			.param("email", email)
			.param("password", PASSWORD)
			.param("privacyAccepted", "true")
			.with(csrf()));

		assertThat(link(lastMailTo(email), "/account/verify")).startsWith(WebTest.LINKS_BASE + "/account/verify?token=")
			.doesNotContain("attacker");
	}

	@Test
	void theVerificationMailIsInTheRegistrantsLanguage() throws Exception {
		String email = newEmail();
		mvc.perform(post("/register").param("lang", "en")
			.param("displayName", "Awa Diop")
			.param("email", email)
			.param("password", PASSWORD)
			.param("privacyAccepted", "true")
			.with(csrf()));

		assertThat(lastMailTo(email).subject()).isEqualTo("Sportello: confirm your e-mail address");
	}

	@Test
	void badInputIsShownNextToTheFieldsAndNothingIsCreated() throws Exception {
		String email = newEmail();

		mvc.perform(post("/register").param("displayName", "")
			.param("email", email)
			.param("password", "corta")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("almeno 12 caratteri")))
			.andExpect(content().string(containsString("Indicare nome e cognome")))
			.andExpect(content().string(containsString("informativa sulla privacy")));

		assertThat(accounts.findByEmail(email)).isEmpty();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/register").param("email", newEmail())).andExpect(status().isForbidden());
	}

	@Test
	void aWrongPasswordIsRefusedAndTooManyLockTheAccount() throws Exception {
		String email = verifiedAccount();

		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user("email", email).password("not the password"))
				.andExpect(redirectedUrl("/login?error"))
				.andExpect(unauthenticated());
		}

		mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void aLockedAccountIsAnsweredAsAnUnknownAddressIs() throws Exception {
		String locked = verifiedAccount();
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user("email", locked).password("not the password"));
		}
		String unknown = newEmail();
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user("email", unknown).password("not the password"));
		}

		String lockedAnswer = loginPageAfter(locked, PASSWORD);
		String unknownAnswer = loginPageAfter(unknown, PASSWORD);
		assertThat(lockedAnswer).isEqualTo(unknownAnswer).contains("resta bloccato per 15 minuti");
		mvc.perform(formLogin("/login").user("email", locked).password(PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void theDevelopmentMailboxAnswersOnlyABrowserOnThisMachine() throws Exception {
		String email = verifiedAccount();
		mvc.perform(post("/password/forgot").param("email", email).with(csrf()));

		mvc.perform(get("/dev/mailbox").with(from("203.0.113.7"))).andExpect(status().isNotFound());
		mvc.perform(get("/dev/mailbox").with(from("192.168.1.20"))).andExpect(status().isNotFound());
		mvc.perform(get("/dev/mailbox").with(from("127.0.0.1")).header("X-Forwarded-For", "203.0.113.7"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/dev/mailbox").with(from("127.0.0.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/password/reset")));
		mvc.perform(get("/dev/mailbox").with(from("0:0:0:0:0:0:0:1"))).andExpect(status().isOk());
	}

	/** The login page shown after a failed sign-in, without what differs between any two pages (the CSRF token). */
	private String loginPageAfter(String email, String password) throws Exception {
		var session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(formLogin("/login").user("email", email).password(password))
			.andReturn()
			.getRequest()
			.getSession();
		return mvc.perform(get("/login").param("error", "").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void aForgottenPasswordIsResetThroughTheMailedLinkWhoseGetChangesNothing() throws Exception {
		String email = verifiedAccount();
		mvc.perform(post("/password/forgot").param("email", email).with(csrf()))
			.andExpect(redirectedUrl("/password/forgot?sent"));
		String link = link(lastMailTo(email), "/password/reset");
		String token = link.substring(link.indexOf("token=") + 6);

		mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk());
		mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(authenticated());

		mvc.perform(post("/password/reset").param("token", token).param("password", "un'altra frase lunga").with(csrf()))
			.andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin("/login").user("email", email).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user("email", email).password("un'altra frase lunga")).andExpect(authenticated());
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
		String email = newEmail();

		mvc.perform(post("/password/forgot").param("email", email).with(csrf()))
			.andExpect(redirectedUrl("/password/forgot?sent"));

		assertThat(mailbox.latest(200)).noneMatch(kept -> kept.mail().to().equals(email));
	}

	@Test
	void theDemoAccountsSignIn() throws Exception {
		mvc.perform(formLogin("/login").user("email", "operatore.genova@demo.sportello.it").password("demo-Sportello-2026"))
			.andExpect(authenticated().withRoles("OPERATOR"));
		mvc.perform(formLogin("/login").user("email", "platform@demo.sportello.it").password("demo-Sportello-2026"))
			.andExpect(authenticated().withRoles("PLATFORM_ADMIN"));
	}

	private String verifiedAccount() throws Exception {
		String email = newEmail();
		register(email, PASSWORD);
		String link = link(lastMailTo(email), "/account/verify");
		mvc.perform(post("/account/verify").param("token", link.substring(link.indexOf("token=") + 6)).with(csrf()));
		return email;
	}

	private ResultActions register(String email, String password) throws Exception {
		return mvc.perform(post("/register").param("displayName", "Awa Diop")
			.param("email", email)
			.param("password", password)
			.param("privacyAccepted", "true")
			.with(csrf()));
	}

	private OutgoingMail lastMailTo(String email) {
		return mailbox.latest(200)
			.stream()
			.filter(kept -> kept.mail().to().equals(email))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no mail to " + email))
			.mail();
	}

	private static String link(OutgoingMail mail, String path) {
		Matcher matcher = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+").matcher(mail.body());
		assertThat(matcher.find()).as("a link to %s in %s", path, mail.body()).isTrue();
		return matcher.group();
	}

	private static String newEmail() {
		return "persona" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() % 100_000 + "@example.it";
	}
}
