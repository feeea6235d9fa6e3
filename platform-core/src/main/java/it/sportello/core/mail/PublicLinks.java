package it.sportello.core.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the links Sportello sends out point (in e-mails, back from the payment pages).
 * @param base the public address of Sportello, without a trailing slash
 */
@ConfigurationProperties("sportello.links")
public record PublicLinks(@DefaultValue("http://localhost:8080") String base) {

	/** Refuses at start an address a mail could not link to; a trailing slash is dropped. */
	public PublicLinks {
		if (base == null || !base.matches("https?://[^/\\s]+(/\\S*)?")) {
			throw new IllegalArgumentException("sportello.links.base must be the absolute public address of Sportello, "
					+ "such as https://sportello.example.it (it was: " + base + ")");
		}
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The address of a path on Sportello ({@code /me}, {@code /login}, ...). */
	public String to(String path) {
		return base + path;
	}
}
