package it.sportello.web.tenancy;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import it.sportello.core.cache.ActiveQuesture;
import it.sportello.core.tenancy.Tenant;
import it.sportello.core.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the Questura from {@code /q/{slug}/...} and {@code /api/v1/q/{slug}/...}, checks it against the registry,
 * and holds it for this request only. Unknown and suspended Questure are 404. The registry is read from the node's
 * read cache, so a request does not take a connection to find its Questura.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantFilter extends OncePerRequestFilter {

	static final String MDC_KEY = "tenant";

	static final String ATTRIBUTE = Tenant.class.getName();

	private static final Pattern TENANT_PATH = Pattern.compile("^(?:/api/v1)?/q/([^/]+)(?:/.*)?$");

	private final ActiveQuesture questure;

	TenantFilter(ActiveQuesture questure) {
		this.questure = questure;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = TENANT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (!matcher.matches()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Tenant> tenant = questure.bySlug(matcher.group(1));
		if (tenant.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		TenantContext.set(tenant.get().asCurrent());
		MDC.put(MDC_KEY, tenant.get().getSlug());
		request.setAttribute(ATTRIBUTE, tenant.get());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
			TenantContext.clear();
		}
	}
}
