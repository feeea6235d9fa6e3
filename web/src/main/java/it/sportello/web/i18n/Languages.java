package it.sportello.web.i18n;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** The interface languages offered, each named in itself for the language switch. */
@Component("languages")
public class Languages {

	private static final List<Language> SUPPORTED = List.of(new Language("it", "Italiano"),
			new Language("en", "English"), new Language("fr", "Français"), new Language("ar", "العربية"));

	public List<Language> supported() {
		return SUPPORTED;
	}

	boolean isSupported(Locale locale) {
		return locale != null && SUPPORTED.stream().anyMatch(l -> l.code().equals(locale.getLanguage()))
				&& locale.getCountry().isEmpty();
	}

	/** A language of the interface. */
	public record Language(String code, String name) {
	}
}
