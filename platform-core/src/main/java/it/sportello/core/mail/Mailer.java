package it.sportello.core.mail;

/** Sends e-mail: through SMTP where a server is configured, else into the development mailbox. */
public interface Mailer {

	void send(OutgoingMail mail);
}
