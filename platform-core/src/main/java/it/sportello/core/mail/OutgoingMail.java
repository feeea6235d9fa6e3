package it.sportello.core.mail;

import java.util.List;

/**
 * A plain-text e-mail to one person, with any files attached.
 * @param language the language it is written in (it, en, fr, ar), for the message's Content-Language
 */
public record OutgoingMail(String to, String subject, String body, String language, List<Attachment> attachments) {

	public OutgoingMail {
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
	}

	public OutgoingMail(String to, String subject, String body) {
		this(to, subject, body, null, List.of());
	}

	/** A file sent with the mail, such as the appointment's calendar entry. */
	public record Attachment(String fileName, String contentType, byte[] content) {
	}
}
