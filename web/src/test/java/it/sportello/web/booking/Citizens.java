package it.sportello.web.booking;

import java.util.concurrent.atomic.AtomicLong;

import it.sportello.core.account.Account;
import it.sportello.core.account.Accounts;
import it.sportello.core.account.Membership;
import it.sportello.core.account.Memberships;
import it.sportello.core.account.Role;
import it.sportello.core.account.SecondFactorSignIn;
import it.sportello.web.SignIn;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Accounts for the web tests: citizens and staff, each a new verified local account, signed in when asked. */
public final class Citizens {

	public static final String PASSWORD = "una frase lunga e segreta";

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000L);

	private final ApplicationContext context;

	public Citizens(ApplicationContext context) {
		this.context = context;
	}

	/** A new citizen account, its e-mail verified. */
	public Citizen create(String name) {
		Citizen citizen = account(name);
		context.getBean(Memberships.class).save(Membership.citizen(citizen.accountId()));
		return citizen;
	}

	private Citizen account(String name) {
		String email = "cittadino." + SEQUENCE.incrementAndGet() + "@example.it";
		Account account = Account.local(email, name, context.getBean(PasswordEncoder.class).encode(PASSWORD));
		account.verifyEmail();
		account = context.getBean(Accounts.class).save(account);
		return new Citizen(account.getId(), email, name);
	}

	/** A new member of a Questura's staff (operator or admin), verified, with the demo secret as second factor. */
	public Citizen staff(String name, Role role, String tenantSlug) {
		return withAuthenticatorApp(staffWithoutApp(name, role, tenantSlug));
	}

	/** The account sets up its authenticator app with the demo secret (for roles that sign in with a second factor). */
	public Citizen withAuthenticatorApp(Citizen account) {
		context.getBean(SecondFactorSignIn.class).enrolWithSecret(account.accountId(), SignIn.TOTP_SECRET);
		return account;
	}

	/** A new member of a Questura's staff who has not set up an authenticator app yet. */
	public Citizen staffWithoutApp(String name, Role role, String tenantSlug) {
		Citizen account = account(name);
		context.getBean(Memberships.class).grantStaff(account.accountId(), role, tenantSlug);
		return account;
	}

	/** A new citizen who is also a member (not the admin) of the association: books for its clients. */
	public Citizen associationMember(String name, long associationId) {
		Citizen account = create(name);
		context.getBean(Memberships.class).save(Membership.associationMember(account.accountId(), associationId));
		return account;
	}

	/** Signs the person in through the login form (and the second step, for staff) and returns the session. */
	public MockHttpSession signIn(MockMvc mvc, Citizen citizen) throws Exception {
		return SignIn.as(mvc, citizen.email(), PASSWORD);
	}

	/** A citizen's account. */
	public record Citizen(long accountId, String email, String name) {
	}
}
