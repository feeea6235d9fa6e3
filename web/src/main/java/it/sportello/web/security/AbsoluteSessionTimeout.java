package it.sportello.web.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session a fixed time after it began, however active it was (the idle time-out is the container's
 * {@code server.servlet.session.timeout}).
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

	private final Duration limit;

	AbsoluteSessionTimeout(Duration limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && System.currentTimeMillis() - session.getCreationTime() > limit.toMillis()) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}
}
