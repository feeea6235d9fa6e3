package it.sportello.web.i18n;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** The interface languages offered, each named in itself for the language switch. */
@Component("languages")
public class Languages {

	/** The cookie that keeps a person's choice of language. */
	public static final String COOKIE = "sportello-lang";

	private static final List<Language> SUPPORTED = List.of(new Language("it", "Italiano"),
			new Language("en", "English"), new Language("fr", "Français"), new Language("ar", "العربية"));

	public List<Language> supported() {
		return SUPPORTED;
	}

	/** Whether the code (it, en, fr, ar) is a language of the interface. */
	public boolean isSupported(String code) {
		return code != null && SUPPORTED.stream().anyMatch(l -> l.code().equals(code));
	}

	/** The codes of the languages, in the switch's order. */
	public List<String> codes() {
		return SUPPORTED.stream().map(Language::code).toList();
	}

	boolean isSupported(Locale locale) {
		return locale != null && SUPPORTED.stream().anyMatch(l -> l.code().equals(locale.getLanguage()))
				&& locale.getCountry().isEmpty();
	}

	/** A language of the interface. */
	public record Language(String code, String name) {
	}
}
