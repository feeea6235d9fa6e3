package it.sportello.web.i18n;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Italian by default; {@code ?lang=} on any page switches the language, and a cookie keeps the choice. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	private final Languages languages;

	LocaleConfiguration(Languages languages) {
		this.languages = languages;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(Languages.COOKIE);
		resolver.setDefaultLocale(Locale.ITALIAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		// a cookie nobody could have set through the pages (tampered, truncated) is ignored, never a 500
		resolver.setRejectInvalidCookies(false);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String value) {
				Locale locale = super.parseLocaleValue(value);
				// an unknown language keeps the current one instead of a page with no texts
				return languages.isSupported(locale) ? locale : null;
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}
