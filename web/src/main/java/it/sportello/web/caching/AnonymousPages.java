package it.sportello.web.caching;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The public pages and the public calendar API, read by a crowd that refreshes them: for a person who is not signed
 * in they carry an ETag of their content and {@code Cache-Control: private, no-cache}, so the browser asks again every
 * time and gets 304 Not Modified, a few hundred bytes, while nothing changed. The content decides (not a version
 * number of one node), so the answer is the same whichever node gives it. Pages of signed-in people stay
 * {@code no-store}: this filter leaves them alone.
 */
class AnonymousPages extends ShallowEtagHeaderFilter {

	static final String CACHE_CONTROL = "private, no-cache";

	private static final Pattern PUBLIC = Pattern.compile("^/(|privacy|accessibility|legal|contacts|q/[^/]+"
			+ "|api/v1/q/[^/]+/practices(/[^/]+/free-(days|slots))?)$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method))
				|| !PUBLIC.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()
				|| signedIn();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// set before the body, so that the security headers (no-store by default) leave it as it is
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		super.doFilterInternal(request, response, chain);
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}
}
