package it.sportello.web.association;

import java.util.List;
import java.util.Optional;

import it.sportello.core.association.Association;
import it.sportello.core.association.AssociationMemberships;
import it.sportello.core.association.Associations;
import it.sportello.web.security.ApiClient;
import it.sportello.web.security.SportelloPrincipal;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a handler parameter of type {@link Association} the accredited association the caller acts for: the one the
 * signed-in member works for, or the one whose API key called. Anybody else gets a 403, as does a member who is not
 * its admin where the parameter says {@link AsAdmin}. Put it first among the parameters, so that nothing of the
 * request is read for a caller who may not call.
 */
@Configuration(proxyBeanMethods = false)
class CallersAssociation implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	private final AssociationMemberships memberships;

	private final Associations associations;

	CallersAssociation(AssociationMemberships memberships, Associations associations) {
		this.memberships = memberships;
		this.associations = associations;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Association.class;
	}

	@Override
	public Association resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		boolean asAdmin = parameter.hasParameterAnnotation(AsAdmin.class);
		Object caller = request.getUserPrincipal() instanceof Authentication signedIn ? signedIn.getPrincipal() : null;
		Optional<Association> association = Optional.empty();
		if (caller instanceof SportelloPrincipal member && (!asAdmin || memberships.isAdmin(member.getAccountId()))) {
			association = memberships.accredited(member.getAccountId());
		}
		else if (caller instanceof ApiClient client && !asAdmin && client.scope().associationId() != null) {
			association = associations.accredited(client.scope().associationId());
		}
		return association.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}
}
