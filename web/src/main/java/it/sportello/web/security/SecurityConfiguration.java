package it.sportello.web.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may open what. Every request path has a rule; anything not named here is refused, so a new endpoint without
 * an authorization decision is closed until someone decides.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain web(HttpSecurity http,
			@Value("${sportello.session.absolute-timeout:8h}") Duration absoluteTimeout) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/webjars/**", "/css/**", "/favicon.ico", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
			.requestMatchers(HttpMethod.GET, "/", "/q/*").permitAll()
			.requestMatchers("/login", "/register", "/account/verify", "/password/forgot", "/password/reset").permitAll()
			// the mailbox page exists only outside prod (its controller is @Profile("!prod"))
			.requestMatchers(HttpMethod.GET, "/dev/mailbox").permitAll()
			.requestMatchers("/admin/**").hasRole("PLATFORM_ADMIN")
			.requestMatchers("/q/{slug}/admin/**").access(staffOfTheQuestura())
			.requestMatchers("/me/**", "/me").authenticated()
			.anyRequest().denyAll())
			.formLogin(form -> form.loginPage("/login").usernameParameter("email").defaultSuccessUrl("/me").permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"))
			.addFilterAfter(new AbsoluteSessionTimeout(absoluteTimeout), SecurityContextHolderFilter.class);
		return http.build();
	}

	/** Staff act only inside the Questure they belong to. */
	private static AuthorizationManager<RequestAuthorizationContext> staffOfTheQuestura() {
		return (authentication, context) -> {
			Object principal = authentication.get() == null ? null : authentication.get().getPrincipal();
			String slug = context.getVariables().get("slug");
			return new AuthorizationDecision(principal instanceof SportelloUser user && slug != null
					&& user.isStaffOf(slug));
		};
	}
}
