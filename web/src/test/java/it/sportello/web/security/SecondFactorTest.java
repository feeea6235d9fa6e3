package it.sportello.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.account.Role;
import it.sportello.core.account.SecondFactorSignIn;
import it.sportello.web.QrCodes;
import it.sportello.web.SignIn;
import it.sportello.web.WebTest;
import it.sportello.web.booking.Citizens;
import it.sportello.web.booking.Citizens.Citizen;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The second factor of local accounts: staff, association admins and platform admins enrol an authenticator app at
 * their first sign-in and give a code at every sign-in after the password; a code opens once, wrong codes lock the
 * step, a recovery code opens once. Citizens are never asked.
 */
@WebTest
class SecondFactorTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void aNewOperatorEnrolsTheirAppByQrCodeAndGetsRecoveryCodesOnce() throws Exception {
		Citizen operator = newStaff();
		MockHttpSession session = SignIn.passwordOnly(mvc, operator.email(), Citizens.PASSWORD);

		mvc.perform(get("/q/genova/admin/day").session(session)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/login/second-factor").session(session)).andExpect(redirectedUrl("/login/second-factor/enrol"));
		String page = mvc.perform(get("/login/second-factor/enrol").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = find(page, "id=\"secret\">([A-Z2-7 ]+)<").replace(" ", "");
		String scanned = QrCodes.decode(mvc.perform(get("/login/second-factor/qr.png").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(scanned).startsWith("otpauth://totp/Sportello:")
			.contains("secret=" + secret)
			.contains("issuer=Sportello")
			.contains("digits=6")
			.contains("period=30");

		mvc.perform(post("/login/second-factor/enrol").param("code", "000000").with(csrf()).session(session))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Il codice non è corretto")));
		String recoveryPage = mvc
			.perform(post("/login/second-factor/enrol").param("code", SignIn.code(operator.email(), secret))
				.with(csrf())
				.session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> recoveryCodes = all(recoveryPage, "<code>([a-z0-9-]{19})</code>");
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(recoveryPage).contains("href=\"/q/genova/admin/day\"");
		mvc.perform(get("/q/genova/admin/day").session(session)).andExpect(status().isOk());
		// enrolled: the QR code is gone
		MockHttpSession again = SignIn.passwordOnly(mvc, operator.email(), Citizens.PASSWORD);
		mvc.perform(get("/login/second-factor/qr.png").session(again)).andExpect(status().isNotFound());

		// a recovery code (typed in capitals, without hyphens) opens once
		String typed = recoveryCodes.get(3).replace("-", "").toUpperCase();
		mvc.perform(post("/login/second-factor").param("code", typed).with(csrf()).session(again))
			.andExpect(redirectedUrl("/me"));
		MockHttpSession third = SignIn.passwordOnly(mvc, operator.email(), Citizens.PASSWORD);
		mvc.perform(post("/login/second-factor").param("code", recoveryCodes.get(3)).with(csrf()).session(third))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/me").session(third)).andExpect(redirectedUrl("/login/second-factor"));
	}

	@Test
	void aCodeOpensOneSignInAndWrongCodesLockTheStep() throws Exception {
		Citizen operator = newStaff();
		context.getBean(SecondFactorSignIn.class).enrolWithSecret(operator.accountId(), SignIn.TOTP_SECRET);
		String code = SignIn.code(operator.email());

		MockHttpSession first = SignIn.passwordOnly(mvc, operator.email(), Citizens.PASSWORD);
		mvc.perform(post("/login/second-factor").param("code", code).with(csrf()).session(first))
			.andExpect(redirectedUrl("/me"));
		mvc.perform(get("/me").session(first)).andExpect(status().isOk());

		MockHttpSession replayed = SignIn.passwordOnly(mvc, operator.email(), Citizens.PASSWORD);
		mvc.perform(post("/login/second-factor").param("code", code).param("lang", "en").with(csrf()).session(replayed))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This code has already been used")));

		mvc.perform(post("/login/second-factor").param("code", " ").with(csrf()).session(replayed))
			.andExpect(status().isUnprocessableContent());
		for (int wrong = 1; wrong < 5; wrong++) {
			mvc.perform(post("/login/second-factor").param("code", "12345" + wrong).with(csrf()).session(replayed))
				.andExpect(status().isUnprocessableContent());
		}
		mvc.perform(post("/login/second-factor").param("code", "123450").param("lang", "ar").with(csrf()).session(replayed))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("التحقق مقفل")));
		// while locked even the right code opens nothing
		mvc.perform(post("/login/second-factor").param("code", SignIn.code(operator.email())).with(csrf()).session(replayed))
			.andExpect(status().isTooManyRequests());
		mvc.perform(get("/me").session(replayed)).andExpect(redirectedUrl("/login/second-factor"));
	}

	@Test
	void halfwaySignedInStaffGetNoApiAndCitizensAreNeverAsked() throws Exception {
		Citizen operator = newStaff();
		context.getBean(SecondFactorSignIn.class).enrolWithSecret(operator.accountId(), SignIn.TOTP_SECRET);
		MockHttpSession halfway = SignIn.passwordOnly(mvc, operator.email(), Citizens.PASSWORD);
		mvc.perform(get("/api/v1/me").session(halfway)).andExpect(status().isUnauthorized());
		mvc.perform(get("/q/genova").session(halfway)).andExpect(status().isOk());

		Citizens people = new Citizens(context);
		MockHttpSession citizen = SignIn.passwordOnly(mvc, people.create("Awa Diop").email(), Citizens.PASSWORD);
		assertThat(SignIn.owesSecondFactor(citizen)).isFalse();
		mvc.perform(get("/me").session(citizen)).andExpect(status().isOk());
		mvc.perform(get("/login/second-factor").session(citizen)).andExpect(redirectedUrl("/me"));
	}

	/** A new operator of Genova with no authenticator app yet. */
	private Citizen newStaff() {
		return new Citizens(context).staffWithoutApp("Lucia Operatrice", Role.OPERATOR, "genova");
	}

	private static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

	private static List<String> all(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		List<String> found = new ArrayList<>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
