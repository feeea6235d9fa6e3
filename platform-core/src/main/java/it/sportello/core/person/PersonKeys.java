package it.sportello.core.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Computes person keys: HMAC-SHA256 of the normalised identity under the platform's secret. */
@Component
@EnableConfigurationProperties(PersonKeys.Properties.class)
public class PersonKeys {

	static final String DEVELOPMENT_SECRET = "sportello-development-secret-change-me";

	private static final Logger log = LoggerFactory.getLogger(PersonKeys.class);

	private final SecretKeySpec secret;

	public PersonKeys(Properties properties, Environment environment) {
		if (properties.secret().length() < 32) {
			throw new IllegalStateException("sportello.person-key.secret must have at least 32 characters");
		}
		if (DEVELOPMENT_SECRET.equals(properties.secret())) {
			if (environment.acceptsProfiles(Profiles.of("prod"))) {
				throw new IllegalStateException("Set sportello.person-key.secret: the prod profile refuses the development one");
			}
			log.warn("Person keys use the development secret: set sportello.person-key.secret in production");
		}
		this.secret = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	public PersonKey of(PersonIdentity identity) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			byte[] digest = mac.doFinal(identity.canonical().getBytes(StandardCharsets.UTF_8));
			return new PersonKey(HexFormat.of().formatHex(digest));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * The secret person keys are computed under. Changing it makes every existing key unrecognisable: set it once.
	 * @param secret at least 32 characters; the default is for development only
	 */
	@ConfigurationProperties("sportello.person-key")
	public record Properties(@DefaultValue(DEVELOPMENT_SECRET) String secret) {
	}
}
