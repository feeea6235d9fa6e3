package it.sportello.infra.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.sportello.core.mail.Mailer;
import it.sportello.core.mail.OutgoingMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmtpMailerTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@Test
	void withAnSmtpHostTheMailGoesToThatServer() throws Exception {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration.class,
					SmtpMailAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
					"sportello.mail.from=sportello@questura.example.it")
			.run(context -> context.getBean(Mailer.class)
				.send(new OutgoingMail("awa@example.it", "Sportello: conferma", "Apri il link: https://x/y")));

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("Sportello: conferma");
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("awa@example.it");
		assertThat(received[0].getFrom()[0].toString()).isEqualTo("sportello@questura.example.it");
		assertThat(GreenMailUtil.getBody(received[0])).contains("https://x/y");
	}

	@Test
	void anAttachedCalendarEntryArrivesAsAFileAndTheTextKeepsItsScript() throws Exception {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration.class,
					SmtpMailAutoConfiguration.class))
			.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort())
			.run(context -> context.getBean(Mailer.class)
				.send(new OutgoingMail("awa@example.it", "موعدك", "الرمز: ABC", "ar",
						List.of(new OutgoingMail.Attachment("appuntamento.ics", "text/calendar",
								"BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8))))));

		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getSubject()).isEqualTo("موعدك");
		assertThat(received.getHeader("Content-Language")).containsExactly("ar");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		String all = GreenMailUtil.getWholeMessage(received);
		assertThat(all).contains("appuntamento.ics").contains("text/calendar");
		assertThat(parts.getCount()).isEqualTo(2);
	}

	@Test
	void withoutAnSmtpHostThereIsNoSmtpMailer() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SmtpMailAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(Mailer.class));
	}
}
