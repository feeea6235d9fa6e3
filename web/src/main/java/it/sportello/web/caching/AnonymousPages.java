package it.sportello.web.caching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import it.sportello.core.cache.ReadCaches;
import it.sportello.web.i18n.Languages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public pages and the public practice list, read by a crowd that refreshes them. For a person who is not signed
 * in: the page as rendered last is kept on this node until the Questura's (or the registry's) data changes, so a crowd
 * costs no rendering; it carries an ETag of its content and {@code Cache-Control: private, no-cache}, so the browser
 * asks again every time and gets 304 Not Modified, a few hundred bytes, while nothing changed. The content decides the
 * ETag (not a version number of one node), so the answer is the same whichever node gives it. The free days and times
 * of the calendar get the ETag only: they change with every booking. Pages of signed-in people stay
 * {@code no-store}: this filter leaves them alone.
 */
class AnonymousPages extends OncePerRequestFilter {

	static final String CACHE_CONTROL = "private, no-cache";

	private static final Pattern PUBLIC = Pattern.compile("^/(|privacy|accessibility|legal|contacts|q/[^/]+"
			+ "|api/v1/q/[^/]+/practices(/[^/]+/free-(days|slots))?)$");

	private static final Pattern FREE_PLACES = Pattern.compile("/free-(days|slots)$");

	private final ReadCaches caches;

	private final Cache<PageKey, Page> pages;

	AnonymousPages(ReadCaches caches, Cache<PageKey, Page> pages) {
		this.caches = caches;
		this.pages = pages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !PUBLIC.matcher(path(request)).matches() || signedIn();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// set before the body, so that the security headers (no-store by default) leave it as it is
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		PageKey key = keep(request) ? new PageKey(path(request), request.getQueryString(), language(request),
				caches.generation(), caches.registryGeneration()) : null;
		Page page = key == null ? null : pages.getIfPresent(key);
		if (page == null) {
			ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, rendered);
			if (rendered.getStatus() != HttpServletResponse.SC_OK) {
				rendered.copyBodyToResponse();
				return;
			}
			page = new Page(rendered.getContentAsByteArray(), rendered.getContentType(),
					response.getHeader(HttpHeaders.CONTENT_LANGUAGE));
			// a page that sets a cookie (a language chosen, a session) is that person's, never kept
			if (key != null && !response.containsHeader(HttpHeaders.SET_COOKIE)) {
				pages.put(key, page);
			}
		}
		// the body the wrapper held is dropped: the page is written once, here
		serve(page, request, response);
	}

	private static void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.ETAG, page.etag());
		if (page.etag().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(page.contentType());
		if (page.language() != null) {
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.language());
		}
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		// compressed once when kept, not on every answer (the server compresses only what has no encoding yet)
		byte[] body = page.body();
		if (page.gzipped() != null && accepted != null && accepted.contains("gzip")) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = page.gzipped();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** Not the free places (they change with every booking), not a language switch (it sets the person's cookie). */
	private static boolean keep(HttpServletRequest request) {
		return !FREE_PLACES.matcher(path(request)).find() && request.getParameter("lang") == null;
	}

	private static String language(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (Languages.COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return "";
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * A page as an anonymous person asked for it: path, query, language, and the generations of the data it shows (the
	 * Questura's, and the registry's for its name).
	 */
	record PageKey(String path, String query, String language, long generation, long registry) {
	}

	/** A page as it was rendered, with the ETag of its content. */
	record Page(byte[] body, byte[] gzipped, String contentType, String language, String etag) {

		Page(byte[] body, String contentType, String language) {
			this(body, gzip(body), contentType, language, etag(body));
		}

		private static byte[] gzip(byte[] body) {
			if (body.length < 1024) {
				return null;
			}
			ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4);
			try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
				out.write(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return compressed.toByteArray();
		}

		private static String etag(byte[] body) {
			try {
				return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
