package it.sportello.core.mail;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where mail goes when no SMTP server is configured (the embedded default): kept in {@code platform.dev_mail} and
 * shown on the development mailbox page, which exists only outside {@code prod}.
 */
public class DevMailbox implements Mailer {

	private final JdbcTemplate jdbc;

	DevMailbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void send(OutgoingMail mail) {
		// attachments are named, not kept: the page shows what a person would find attached
		String attached = mail.attachments().stream().map(a -> "\n[" + a.fileName() + "]").reduce("", String::concat);
		jdbc.update("insert into platform.dev_mail (recipient, subject, body) values (?, ?, ?)", mail.to(),
				mail.subject(), mail.body() + attached);
	}

	/** The latest mails, newest first. */
	public List<Kept> latest(int count) {
		return jdbc.query("select sent_at, recipient, subject, body from platform.dev_mail order by id desc limit ?",
				(rs, n) -> new Kept(rs.getTimestamp(1).toInstant(), new OutgoingMail(rs.getString(2), rs.getString(3),
						rs.getString(4))),
				count);
	}

	/** A mail and when it was sent. */
	public record Kept(Instant sentAt, OutgoingMail mail) {
	}
}
