package it.sportello.web.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import it.sportello.core.account.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that present a key ({@code X-Api-Key: sk_...} or {@code Authorization: ApiKey sk_...}) for
 * this request only. A key that is wrong or revoked is answered 401 at once.
 */
class ApiKeyAuthentication extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final ApiKeys keys;

	ApiKeyAuthentication(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> presented = presented(request);
		if (presented.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKeys.Caller> caller = keys.authenticate(presented.get());
		if (caller.isEmpty()) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		ApiClient client = new ApiClient(caller.get().keyId(), caller.get().scope());
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client, null,
					List.of(new SimpleGrantedAuthority("ROLE_API_CLIENT"))));
		chain.doFilter(request, response);
	}

	private static Optional<String> presented(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header != null) {
			return Optional.of(header.strip());
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
			return Optional.of(authorization.substring(7).strip());
		}
		return Optional.empty();
	}
}
