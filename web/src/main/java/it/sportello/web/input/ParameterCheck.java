package it.sportello.web.input;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import it.sportello.core.text.ControlCharacters;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A form field or query parameter with a control character (a NUL, an escape; tab and line breaks are text) or longer
 * than any field of ours is refused before a controller sees it: {@link BadInput} answers 422 with a page in the
 * person's language, or a problem on the API. Multipart files (CSV) are read by their own parsers, row by row.
 */
@Configuration(proxyBeanMethods = false)
class ParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

	/** Longer than any text a form of ours takes (the office's notice, the longest, is under 4,000 characters). */
	static final int LONGEST = 20_000;

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// after the language switch, so that the refusal speaks the language the request asked for
		registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		boolean refused = request.getParameterMap()
			.entrySet()
			.stream()
			.anyMatch(entry -> refused(entry.getKey()) || Arrays.stream(entry.getValue()).anyMatch(ParameterCheck::refused));
		if (refused) {
			throw new Refused();
		}
		return true;
	}

	static boolean refused(String value) {
		return value != null && (value.length() > LONGEST || ControlCharacters.in(value));
	}

	/** A parameter no field of ours takes. */
	static final class Refused extends RuntimeException {

		Refused() {
			super("A parameter holds a control character or is too long", null, false, false);
		}
	}
}
