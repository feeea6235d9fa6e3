package it.sportello.web.i18n;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** The countries of the world by ISO 3166 code, named and sorted in the page's language. */
@Component("countries")
public class Countries {

	public List<Choice> all(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		return Arrays.stream(Locale.getISOCountries())
			.map(code -> new Choice(code, name(code, locale)))
			.sorted(Comparator.comparing(Choice::name, collator))
			.toList();
	}

	public String name(String code, Locale locale) {
		return code == null ? "" : new Locale("", code).getDisplayCountry(locale);
	}
}
