package it.sportello.web.booking;

import java.util.List;

import it.sportello.core.association.AssociationMemberships;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a handler parameter of type {@link Booker} who is booking on this request: the signed-in person, and the
 * accredited association they book for if they are one of its members (read at each request, so an accreditation
 * given after sign-in counts at once).
 */
@Component
class Bookers implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	private final AssociationMemberships memberships;

	Bookers(AssociationMemberships memberships) {
		this.memberships = memberships;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Booker.class;
	}

	@Override
	public Booker resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		if (!(request.getUserPrincipal() instanceof Authentication authentication)
				|| !(authentication.getPrincipal() instanceof SportelloPrincipal person)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return new Booker(person, memberships.accredited(person.getAccountId()).orElse(null));
	}
}
