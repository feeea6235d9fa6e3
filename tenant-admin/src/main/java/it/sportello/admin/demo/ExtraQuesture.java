package it.sportello.admin.demo;

import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import it.sportello.admin.onboarding.Onboarding;
import it.sportello.admin.onboarding.OnboardingRequest;
import it.sportello.admin.onboarding.SiteSpec;
import it.sportello.core.office.Contacts;
import it.sportello.core.text.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questure opened besides the demo ones ({@code sportello.demo.extra-questure}), so that a benchmark meets slot tables
 * and jobs as many as a national deployment has: each goes through the real onboarding and keeps what it gives, the
 * national catalogue and its default hours.
 */
class ExtraQuesture {

	private static final Logger log = LoggerFactory.getLogger(ExtraQuesture.class);

	private final Onboarding onboarding;

	private final DemoProperties properties;

	ExtraQuesture(Onboarding onboarding, DemoProperties properties) {
		this.onboarding = onboarding;
		this.properties = properties;
	}

	/** Called with the demo on the first start only, so a restart opens nothing again. */
	void open() {
		int count = properties.extraQuesture();
		if (count <= 0) {
			return;
		}
		long started = System.nanoTime();
		for (int i = 1; i <= count; i++) {
			onboarding.onboard(request(i));
		}
		log.info("Opened {} extra Questure in {} s", count, (System.nanoTime() - started) / 1_000_000_000);
	}

	static String slug(int number) {
		return "extra-%03d".formatted(number);
	}

	private static OnboardingRequest request(int number) {
		String slug = slug(number);
		SiteSpec site = new SiteSpec("SEDE", LocalizedText.italian("Ufficio Immigrazione"), "Via Roma " + number, "00100",
				"Città " + number);
		return new OnboardingRequest(slug, "Questura extra " + number, ZoneId.of("Europe/Rome"), MonthDay.of(6, 29),
				new Contacts("06 000000", "urp." + slug + "@example.it", "immigrazione." + slug + "@pec.example.it",
						null), List.of(site), null);
	}
}
