package it.sportello.infra.mail;

import java.nio.charset.StandardCharsets;

import it.sportello.core.mail.Mailer;
import it.sportello.core.mail.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

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
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(),
					StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.body());
			for (OutgoingMail.Attachment attachment : mail.attachments()) {
				helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			if (mail.language() != null) {
				message.setHeader("Content-Language", mail.language());
			}
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		sender.send(message);
	}
}
