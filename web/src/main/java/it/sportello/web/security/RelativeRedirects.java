package it.sportello.web.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects within the application go out as relative {@code Location} headers: an absolute address would be built
 * from the request's {@code Host} header, which a client chooses ({@code Host: evil.example} must never send anyone
 * to {@code http://evil.example/login}). Redirects to another site (Keycloak, Stripe) keep their address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RelativeRedirects extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {
			@Override
			public void sendRedirect(String location) throws IOException {
				super.sendRedirect(relative(request, location));
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, "Location".equalsIgnoreCase(name) ? relative(request, value) : value);
			}
		});
	}

	/** The location without this request's scheme, host and port when it names them; any other as it is. */
	static String relative(HttpServletRequest request, String location) {
		if (location == null || !(location.startsWith("http://") || location.startsWith("https://"))) {
			return location;
		}
		try {
			URI target = URI.create(location);
			int port = target.getPort() == -1 ? ("https".equals(target.getScheme()) ? 443 : 80) : target.getPort();
			if (!request.getServerName().equalsIgnoreCase(target.getHost()) || request.getServerPort() != port) {
				return location;
			}
			String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
			return path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
					+ (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
		}
		catch (IllegalArgumentException notAnAddress) {
			return location;
		}
	}
}
