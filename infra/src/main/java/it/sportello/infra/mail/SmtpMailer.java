package it.sportello.infra.mail;

import it.sportello.core.mail.Mailer;
import it.sportello.core.mail.OutgoingMail;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends Sportello's mail through the SMTP server Spring Mail is configured with. */
class SmtpMailer implements Mailer {

	private final JavaMailSender sender;

	private final String from;

	SmtpMailer(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void send(OutgoingMail mail) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.body());
		sender.send(message);
	}
}
