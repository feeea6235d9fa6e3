package it.sportello.core.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import it.sportello.core.mail.Mailer;
import it.sportello.core.mail.OutgoingMail;
import it.sportello.core.mail.PublicLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails of local accounts (verification, password reset, invitation, the reminder to someone who already has an
 * account): a subject and a body in the person's language, ending with the link to follow.
 */
@Component
class AccountMails {

	/** An address a mail can be sent to. */
	static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");

	private final Mailer mailer;

	private final MessageSource messages;

	private final PublicLinks links;

	AccountMails(Mailer mailer, MessageSource messages, PublicLinks links) {
		this.mailer = mailer;
		this.messages = messages;
		this.links = links;
	}

	/** Sends the mail of the key; its body's last argument is the link to the path, which stays even without the bundle. */
	void send(String to, String key, Locale locale, String path, Object... args) {
		String link = links.to(path);
		Object[] withLink = Arrays.copyOf(args, args.length + 1);
		withLink[args.length] = link;
		mailer.send(new OutgoingMail(to, messages.getMessage(key + ".subject", args, "Sportello", locale),
				messages.getMessage(key + ".body", withLink, link, locale)));
	}
}
