package it.sportello.web.account;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import it.sportello.core.account.AccountBookings;
import it.sportello.core.account.AccountBookings.MyMessage;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How many of the office's messages the signed-in person has not read, for the header of every page. Counted across
 * the Questure at most once a minute per session (a new message shows within that minute; reading one shows at once).
 */
@Component("unreadMessages")
class UnreadMessages {

	static final Duration FRESH_FOR = Duration.ofMinutes(1);

	private static final String KEY = UnreadMessages.class.getName();

	private final AccountBookings myBookings;

	UnreadMessages(AccountBookings myBookings) {
		this.myBookings = myBookings;
	}

	/** The count for the person signed in on this request; zero for anyone else. */
	public long of(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof SportelloPrincipal user)
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return 0;
		}
		HttpServletRequest request = attributes.getRequest();
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(KEY) instanceof Counted counted
				&& counted.at().plus(FRESH_FOR).isAfter(Instant.now())) {
			return counted.unread();
		}
		List<MyMessage> messages = myBookings.messages(user.getAccountId());
		if (session != null) {
			remember(session, messages);
		}
		return unread(messages);
	}

	static void forget(HttpSession session) {
		session.removeAttribute(KEY);
	}

	/** The count of the messages a page has just read, so the header does not count them again. */
	static void remember(HttpSession session, List<MyMessage> messages) {
		session.setAttribute(KEY, new Counted(unread(messages), Instant.now()));
	}

	private static long unread(List<MyMessage> messages) {
		return messages.stream().filter(m -> !m.message().isRead()).count();
	}

	private record Counted(long unread, Instant at) implements Serializable {
	}
}
