package it.sportello.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every interface language has every text Italian has. */
class MessageBundlesTest {

	@ParameterizedTest
	@ValueSource(strings = { "en", "fr", "ar" })
	void everyBundleHasEveryKeyOfTheItalianOne(String language) throws Exception {
		Properties italian = load("/i18n/messages.properties");
		Properties other = load("/i18n/messages_" + language + ".properties");

		assertThat(other.stringPropertyNames()).as("keys missing in " + language)
			.containsAll(italian.stringPropertyNames());
		assertThat(italian.stringPropertyNames()).as("keys only in " + language)
			.containsAll(other.stringPropertyNames());
	}

	private static Properties load(String resource) throws Exception {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
