package it.sportello.web.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Local accounts whose roles need a second factor are signed in only halfway by their password: until the TOTP step
 * adds its factor, every rule that names a signed-in person refuses them, and the refusal sends them to that step (an
 * API call is told 401). With Keycloak the realm asks for the factor, so the rule is not applied there.
 */
@Component
final class SecondFactorRule {

	/** The authority the TOTP step adds, beside the password's. */
	static final String TOTP = FactorGrantedAuthority.fromFactor("TOTP").getAuthority();

	static final String STEP = "/login/second-factor";

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	/** Whether the signed-in person still owes the second factor. */
	static boolean owed(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof SportelloPrincipal person
				&& person.needsSecondFactor()
				&& authentication.getAuthorities().stream().noneMatch(a -> TOTP.equals(a.getAuthority()));
	}

	/** The rule, refusing whoever still owes the second factor before it asks the delegate. */
	static AuthorizationManager<RequestAuthorizationContext> completed(
			AuthorizationManager<RequestAuthorizationContext> delegate) {
		return (authentication, context) -> owed(authentication.get()) ? new AuthorizationDecision(false)
				: delegate.authorize(authentication, context);
	}

	/** Refusals: to the second step for whoever owes it (remembering where they were going), else the 403 page. */
	AccessDeniedHandler accessDenied() {
		return (request, response, denied) -> {
			if (owed(SecurityContextHolder.getContext().getAuthentication())) {
				toTheStep(request, response);
			}
			else {
				forbidden.handle(request, response, denied);
			}
		};
	}

	private void toTheStep(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		if ("GET".equals(request.getMethod())) {
			requests.saveRequest(request, response);
		}
		response.sendRedirect(request.getContextPath() + STEP);
	}

	/**
	 * The second factor given: the same person with the TOTP factor added, in a new session id (the signed-in state
	 * changed, as at the password). Answers where to go next: where they were going, else their page.
	 */
	String complete(HttpServletRequest request, HttpServletResponse response) {
		Authentication halfway = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(halfway.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(TOTP));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(halfway.getPrincipal(), null,
				authorities));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		// a path of this application, never an absolute address taken from the request's Host header
		return saved instanceof DefaultSavedRequest going
				? going.getRequestURI().substring(request.getContextPath().length())
						+ (going.getQueryString() == null ? "" : "?" + going.getQueryString())
				: "/me";
	}
}
