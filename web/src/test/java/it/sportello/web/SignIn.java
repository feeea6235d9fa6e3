package it.sportello.web;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signs people in for the web tests as they sign in: the login form, then, for the roles that need it, the second
 * step with a code of the authenticator app. The demo accounts and the staff accounts the tests create share the
 * README's demo secret. A code is accepted once, so each account's codes are taken from successive time steps.
 */
public final class SignIn {

	public static final String DEMO_PASSWORD = "demo-Sportello-2026";

	/** The TOTP secret of the demo accounts that need a second factor (README), given to test staff accounts too. */
	public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";

	private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

	private static final Map<String, SecurityContext> DEMO_SIGNED_IN = new ConcurrentHashMap<>();

	private SignIn() {
	}

	/** A demo account (README), signed in with both factors where its role needs them, in a new session. */
	public static MockHttpSession demo(MockMvc mvc, String email) throws Exception {
		SecurityContext signedIn = DEMO_SIGNED_IN.get(email);
		if (signedIn == null) {
			MockHttpSession session = as(mvc, email, DEMO_PASSWORD);
			DEMO_SIGNED_IN.put(email, (SecurityContext) session
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY));
			return session;
		}
		// the same signed-in state in a session of its own: a demo account signs in many times a minute here, and one
		// code opens one sign-in only
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, signedIn);
		return session;
	}

	/** Signs in through the login form, and through the second step when the role needs it. */
	public static MockHttpSession as(MockMvc mvc, String email, String password) throws Exception {
		MockHttpSession session = passwordOnly(mvc, email, password);
		if (owesSecondFactor(session)) {
			mvc.perform(post("/login/second-factor").param("code", code(email)).with(csrf()).session(session));
		}
		return session;
	}

	/** Only the first step: the password. Whoever needs a second factor is signed in halfway. */
	public static MockHttpSession passwordOnly(MockMvc mvc, String email, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user("email", email).password(password))
			.andReturn()
			.getRequest()
			.getSession();
	}

	/**
	 * The first sign-in of someone whose role needs a second factor and who has no app yet: the enrolment page's key
	 * (what the QR code carries) loaded into an "app", and its first code confirmed. Answers the secret.
	 */
	public static String enrol(MockMvc mvc, MockHttpSession session, String email) throws Exception {
		String page = mvc.perform(get("/login/second-factor/enrol").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher key = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(page);
		if (!key.find()) {
			throw new AssertionError("No key on the enrolment page:\n" + page);
		}
		String secret = key.group(1).replace(" ", "");
		mvc.perform(post("/login/second-factor/enrol").param("code", code(email, secret)).with(csrf()).session(session));
		return secret;
	}

	/** Whether the person signed in by the session still owes the second factor. */
	public static boolean owesSecondFactor(MockHttpSession session) {
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return context instanceof SecurityContext signedIn && signedIn.getAuthentication() != null
				&& signedIn.getAuthentication().getPrincipal() instanceof SportelloPrincipal person
				&& person.needsSecondFactor() && signedIn.getAuthentication()
					.getAuthorities()
					.stream()
					.noneMatch(a -> "FACTOR_TOTP".equals(a.getAuthority()));
	}

	/** A code of the demo secret that this account has not used yet (waiting for the clock if it must). */
	public static String code(String email) {
		return code(email, TOTP_SECRET);
	}

	/** A code of the secret that this account has not used yet (waiting for the clock if it must). */
	public static String code(String email, String secret) {
		// the current step, not the one before: a code of the step before would go stale if the clock turned to the next
		// step between here and the server's check
		long step = LAST_STEP.merge(email, currentStep(), (last, earliest) -> Math.max(last + 1, earliest));
		// the application accepts the step after the current one too; beyond that, the code is not valid yet
		await().atMost(Duration.ofSeconds(35)).until(() -> currentStep() + 1 >= step);
		return codeOf(secret, step);
	}

	/** The code of a secret at a time step (RFC 6238: SHA-1, six digits, 30 seconds). */
	public static String codeOf(String secret, long step) {
		try {
			return new DefaultCodeGenerator().generate(secret, step);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static long currentStep() {
		return Instant.now().getEpochSecond() / 30;
	}
}
