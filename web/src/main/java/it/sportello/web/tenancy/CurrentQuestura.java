package it.sportello.web.tenancy;

import java.util.List;

import it.sportello.core.tenancy.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a handler parameter of type {@link Tenant} the Questura of the request, as {@link TenantFilter} checked it:
 * {@code String day(Tenant questura, ...)}. A handler outside {@code /q/{slug}/...} that asks for one is our fault.
 */
@Configuration(proxyBeanMethods = false)
class CurrentQuestura implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Tenant.class;
	}

	@Override
	public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Object tenant = request.getNativeRequest(HttpServletRequest.class).getAttribute(TenantFilter.ATTRIBUTE);
		if (tenant == null) {
			throw new IllegalStateException("No Questura on " + parameter.getExecutable() + ": map it under /q/{slug}/");
		}
		return (Tenant) tenant;
	}
}
