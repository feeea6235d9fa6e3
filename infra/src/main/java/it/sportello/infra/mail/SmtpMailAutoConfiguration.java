package it.sportello.infra.mail;

import it.sportello.core.mail.Mailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;

/** With {@code spring.mail.host} set, Sportello's mail goes to that SMTP server (else to the development mailbox). */
@AutoConfiguration(afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class SmtpMailAutoConfiguration {

	@Bean
	Mailer smtpMailer(JavaMailSender sender, @Value("${sportello.mail.from:noreply@sportello.local}") String from) {
		return new SmtpMailer(sender, from);
	}
}
