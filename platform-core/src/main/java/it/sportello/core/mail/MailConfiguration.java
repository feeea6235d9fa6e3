package it.sportello.core.mail;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With no {@code spring.mail.host}, mail goes to the development mailbox (the SMTP adapter lives in infra). The links
 * mails carry point to {@link PublicLinks}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicLinks.class)
class MailConfiguration {

	@Bean
	@Conditional(NoSmtpConfigured.class)
	DevMailbox devMailbox(JdbcTemplate jdbc) {
		return new DevMailbox(jdbc);
	}

	/** Matches when no SMTP host is configured. */
	static class NoSmtpConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return context.getEnvironment().containsProperty("spring.mail.host")
					? ConditionOutcome.noMatch("spring.mail.host is set") : ConditionOutcome.match("no SMTP host");
		}
	}
}
