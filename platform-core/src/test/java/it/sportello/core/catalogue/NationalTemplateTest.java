package it.sportello.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;

import it.sportello.core.text.LocalizedText;
import org.junit.jupiter.api.Test;

class NationalTemplateTest {

	NationalTemplate template = NationalTemplate.load();

	@Test
	void carriesThePracticeListOfThe2019Notice() {
		assertThat(template.practices()).hasSize(13);
		assertThat(template.practices()).extracting(PracticeSpec::code)
			.doesNotHaveDuplicates()
			.contains("CARTA-FAMILIARE-UE", "PROTEZIONE-INTERNAZIONALE", "TITOLO-VIAGGIO-RIFUGIATI", "RITIRO-PERMESSO");
		assertThat(template.practices()).filteredOn(p -> p.kind() == PracticeKind.PICK_UP).hasSize(1);
	}

	@Test
	void everyTextIsWrittenInItalianEnglishFrenchAndArabic() {
		Stream<LocalizedText> texts = template.practices()
			.stream()
			.flatMap(p -> Stream.concat(Stream.of(p.name(), p.description()), p.documents().stream()));
		Stream<LocalizedText> lines = template.serviceLines().stream().map(ServiceLineSpec::name);

		Stream.concat(texts, lines).forEach(text -> {
			for (String lang : new String[] { "en", "fr", "ar" }) {
				assertThat(text.in(Locale.forLanguageTag(lang)).fallback()).as("%s in %s", text.it(), lang).isFalse();
			}
		});
	}

	@Test
	void everyPracticeHasADocumentChecklistAndAKnownServiceLine() {
		assertThat(template.practices()).allSatisfy(practice -> {
			assertThat(practice.documents()).as(practice.code()).isNotEmpty();
			assertThat(template.serviceLine(practice.serviceLine())).as(practice.code()).isPresent();
			assertThat(practice.durationMinutes()).isPositive();
		});
	}

	@Test
	void serviceLinesComeWithWeeklyHours() {
		assertThat(template.serviceLines()).extracting(ServiceLineSpec::code).containsExactly("PERMESSI", "RITIRO");
		assertThat(template.serviceLines()).allSatisfy(line -> assertThat(HoursSpec.weekly(line.hours())).isNotEmpty());
	}
}
