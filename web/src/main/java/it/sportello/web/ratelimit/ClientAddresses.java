package it.sportello.web.ratelimit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The client address of a request, believing forwarding headers only from the configured trusted proxies. */
@Component
public class ClientAddresses {

	private final List<String> trustedProxies;

	ClientAddresses(Environment environment) {
		this.trustedProxies = Binder.get(environment)
			.bind("sportello.rate-limits.trusted-proxies", Bindable.listOf(String.class))
			.orElse(List.of());
	}

	public String of(HttpServletRequest request) {
		return ClientAddress.of(request, trustedProxies);
	}
}
