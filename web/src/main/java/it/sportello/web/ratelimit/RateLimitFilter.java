package it.sportello.web.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import it.sportello.web.security.ApiClient;
import it.sportello.web.security.SportelloPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Limits searching for free places (per node) and booking (on all nodes together), per account (or API key) and per
 * client address: over the limit the answer is 429 with {@code Retry-After}, a page in the person's language, or JSON
 * on the API.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final RateLimitProperties properties;

	private final MessageSource messages;

	public RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, MessageSource messages) {
		this.limiter = limiter;
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String kind = kindOf(request);
		if (kind == null) {
			chain.doFilter(request, response);
			return;
		}
		List<String> keys = new ArrayList<>();
		keys.add(kind + ":address:" + ClientAddress.of(request, properties.trustedProxies()));
		String caller = caller();
		if (caller != null) {
			keys.add(kind + ":" + caller);
		}
		Duration wait = "book".equals(kind) ? limiter.take(properties.booking(), keys)
				: limiter.takeHere(properties.search(), keys);
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader("Retry-After", String.valueOf(seconds));
		if (request.getRequestURI().startsWith("/api/")) {
			Locale locale = RequestContextUtils.getLocale(request);
			response.setStatus(429);
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"code\":\"rateLimit.exceeded\",\"message\":\""
					+ messages.getMessage("rateLimit.exceeded", new Object[] { seconds }, locale).replace("\"", "'")
					+ "\",\"retryAfterSeconds\":" + seconds + "}");
			return;
		}
		request.setAttribute("sportello.retryAfter", seconds);
		response.sendError(429);
	}

	/** "search" for looking at free places, "book" for taking one; null for anything else. */
	static String kindOf(HttpServletRequest request) {
		String path = request.getRequestURI();
		boolean post = "POST".equals(request.getMethod());
		if (post && (path.matches("/q/[^/]+/book/[^/]+/confirm") || path.matches("/api/v1/q/[^/]+/bookings")
				|| path.equals("/me/booking/move") || path.equals("/association/import"))) {
			return "book";
		}
		if (!post && (path.matches("/q/[^/]+/book/[^/]+/when") || path.equals("/me/booking/move")
				|| path.matches("/api/v1/q/[^/]+/practices/[^/]+/free-(days|slots)"))) {
			return "search";
		}
		return null;
	}

	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Object principal = authentication == null ? null : authentication.getPrincipal();
		if (principal instanceof SportelloPrincipal person) {
			return person.actor();
		}
		if (principal instanceof ApiClient client) {
			return client.actor();
		}
		return null;
	}
}
