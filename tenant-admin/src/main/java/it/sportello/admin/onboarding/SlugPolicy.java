package it.sportello.admin.onboarding;

import java.util.Set;
import java.util.regex.Pattern;

/** Which URL names a Questura may take: lowercase letters, digits and single hyphens, and no reserved word. */
final class SlugPolicy {

	static final int MAX_LENGTH = 40;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** Words the platform's own URLs use or may use, and names that would mislead. */
	private static final Set<String> RESERVED = Set.of("admin", "api", "me", "association", "associations", "q",
			"static", "webjars", "css", "js", "img", "images", "assets", "actuator", "login", "logout", "register",
			"signup", "account", "accounts", "stripe", "platform", "public", "error", "errors", "v1", "v3",
			"swagger-ui", "help", "about", "privacy", "new", "edit", "settings", "dev", "mailbox", "sportello",
			"questura", "questure", "www", "root", "system", "test");

	private SlugPolicy() {
	}

	static void check(String slug) {
		if (slug == null || slug.isBlank()) {
			throw new OnboardingRefused("onboarding.slug.required", "A slug is required");
		}
		if (slug.length() < 2 || slug.length() > MAX_LENGTH) {
			throw new OnboardingRefused("onboarding.slug.length",
					"The slug must have between 2 and " + MAX_LENGTH + " characters", 2, MAX_LENGTH);
		}
		if (!SLUG.matcher(slug).matches()) {
			throw new OnboardingRefused("onboarding.slug.pattern",
					"The slug may contain only lowercase letters, digits and single hyphens between them: " + slug,
					slug);
		}
		if (RESERVED.contains(slug)) {
			throw new OnboardingRefused("onboarding.slug.reserved", "The slug is a reserved word: " + slug, slug);
		}
	}
}
