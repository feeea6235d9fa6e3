package it.sportello.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class LocalizedTextTest {

	LocalizedText name = new LocalizedText("Ritiro permesso", "Permit pick-up", null, "");

	@Test
	void showsTheTextInThePagesLanguage() {
		assertThat(name.in(Locale.ENGLISH)).isEqualTo(new LocalizedText.Shown("Permit pick-up", "en", false));
		assertThat(name.in(Locale.ITALIAN)).isEqualTo(new LocalizedText.Shown("Ritiro permesso", "it", false));
	}

	@Test
	void fallsBackToItalianAndSaysSo() {
		assertThat(name.in(Locale.FRENCH)).isEqualTo(new LocalizedText.Shown("Ritiro permesso", "it", true));
		assertThat(name.in(Locale.forLanguageTag("ar"))).isEqualTo(new LocalizedText.Shown("Ritiro permesso", "it", true));
	}

	@Test
	void italianIsRequired() {
		assertThatThrownBy(() -> LocalizedText.italian(" ")).isInstanceOf(IllegalArgumentException.class);
	}
}
