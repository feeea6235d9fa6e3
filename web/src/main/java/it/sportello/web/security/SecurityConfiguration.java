package it.sportello.web.security;

import static org.springframework.security.authorization.AuthenticatedAuthorizationManager.authenticated;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import it.sportello.core.account.ApiKeys;
import it.sportello.core.account.IdentityProviderAccounts;
import it.sportello.core.account.IdentityProviderSecondFactor;
import it.sportello.core.account.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. Every path has a rule and anything not named is refused, so a new endpoint without an
 * authorization decision stays closed until someone decides. Local accounts sign in with the form; with the
 * {@code keycloak} profile people sign in at Keycloak (OpenID Connect, authorization code with PKCE) and API callers
 * bring Keycloak's bearer tokens. Machines call the API with keys in either mode.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(ScraperCredentials.class)
class SecurityConfiguration {

	private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");

	private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.pathPattern("/swagger-ui/**");

	/** The static assets: open to all, and cached as web.assets.AssetCaching says, never no-store. */
	private static final String[] STATIC = { "/webjars/**", "/css/**", "/js/**" };

	/**
	 * What pages may load and where their forms may go: only this application's own files (no inline script or style,
	 * and no nonce, so that a page can be cached), images and fonts also as data URIs (Bootstrap Italia's icons);
	 * forms post here, and lead on to Stripe's checkout and portal (and Keycloak, in that mode).
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; img-src 'self' data:; font-src 'self' data:; style-src 'self'; script-src 'self'; "
			+ "connect-src 'self'; form-action 'self' https://checkout.stripe.com https://billing.stripe.com";

	/** No page uses the camera, microphone, location or payment APIs (a page that needs one allows it for itself). */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	/**
	 * {@code /actuator/prometheus}: only the metrics scraper, with HTTP Basic and the credentials of
	 * {@code sportello.actuator.scraper}; closed to everyone while no password is set.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain metrics(HttpSecurity http, ScraperCredentials scraper) throws Exception {
		InMemoryUserDetailsManager scrapers = new InMemoryUserDetailsManager();
		if (scraper.configured()) {
			scrapers.createUser(User.withUsername(scraper.username())
				.password(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(scraper.password()))
				.roles("SCRAPER")
				.build());
		}
		DaoAuthenticationProvider checked = new DaoAuthenticationProvider(scrapers);
		checked.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		http.securityMatcher("/actuator/prometheus")
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("SCRAPER"))
			.httpBasic(basic -> basic.realmName("sportello-metrics"))
			.authenticationManager(new ProviderManager(checked))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Profile("!keycloak")
	SecurityFilterChain localAccounts(HttpSecurity http, ApiKeys apiKeys, SecondFactorRule secondFactor,
			@Value("${sportello.session.absolute-timeout:8h}") Duration absoluteTimeout) throws Exception {
		authorize(http, apiKeys, absoluteTimeout, SecondFactorRule::completed, CONTENT_SECURITY_POLICY);
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/register", "/account/verify", "/account/invitation", "/password/forgot",
					"/password/reset")
			.permitAll()
			// the second step of signing in, for whoever gave the password and owes the second factor
			.requestMatchers(SecondFactorRule.STEP, SecondFactorRule.STEP + "/**").authenticated()
			.anyRequest().denyAll())
			.formLogin(form -> form.loginPage("/login").usernameParameter("email").defaultSuccessUrl("/me").permitAll())
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(apiChallenge("ApiKey realm=\"sportello\""), API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(secondFactor.accessDenied()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"));
		return http.build();
	}

	@Bean
	@Profile("keycloak")
	SecurityFilterChain keycloak(HttpSecurity http, ClientRegistrationRepository registrations,
			IdentityProviderAccounts accounts, IdentityProviderSecondFactor secondFactor, ApiKeys apiKeys,
			@Value("${sportello.keycloak.issuer}") String issuer,
			@Value("${sportello.session.absolute-timeout:8h}") Duration absoluteTimeout) throws Exception {
		KeycloakAccounts keycloakAccounts = new KeycloakAccounts(accounts, secondFactor);
		OidcClientInitiatedLogoutSuccessHandler rpLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		rpLogout.setPostLogoutRedirectUri("{baseUrl}/");
		AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		AccessDeniedHandler pages = new AccessDeniedHandlerImpl();
		AccessDeniedHandler api = new BearerTokenAccessDeniedHandler();
		AccessDeniedHandler byPath = (request, response, denied) -> (API.matches(request) ? api : pages)
			.handle(request, response, denied);
		// Keycloak's realm asks for the second factor (KeycloakSecondFactor puts the people who need it in its group)
		authorize(http, apiKeys, absoluteTimeout, rule -> rule,
				CONTENT_SECURITY_POLICY + " " + URI.create(issuer).resolve("/").toString().replaceAll("/$", ""));
		http.authorizeHttpRequests(auth -> auth
			// they lead to Keycloak's own login and registration pages
			.requestMatchers(HttpMethod.GET, "/login", "/register").permitAll()
			.anyRequest().denyAll())
			.oauth2Login(login -> login.loginPage("/oauth2/authorization/keycloak")
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new KeycloakAuthorizationRequests(registrations)))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(keycloakAccounts.userService()))
				.defaultSuccessUrl("/me")
				// not back to the login page, which would send the person straight to Keycloak again
				.failureHandler((request, response, refused) -> response.sendRedirect(request.getContextPath()
						+ (refused instanceof OAuth2AuthenticationException oauth
								&& "account.secondFactor.signInAgain".equals(oauth.getError().getErrorCode())
										? "/?signInAgain" : "/?signInRefused"))))
			.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakAccounts.bearer()))
				// a page's refusal is the application's 403 page, never the API's bare Bearer answer
				.accessDeniedHandler(byPath)
				.authenticationEntryPoint(bearer))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiChallenge("Bearer, ApiKey realm=\"sportello\""), API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/keycloak"),
						AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(byPath))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(rpLogout));
		return http.build();
	}

	/** The rules both ways of signing in share. */
	private static void authorize(HttpSecurity http, ApiKeys apiKeys, Duration absoluteTimeout,
			UnaryOperator<AuthorizationManager<RequestAuthorizationContext>> signedIn, String contentSecurityPolicy)
			throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers(STATIC).permitAll()
			.requestMatchers("/favicon.ico", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/", "/q/*", "/privacy", "/accessibility", "/legal", "/contacts").permitAll()
			// the mailbox page exists only outside prod (its controller is @Profile("!prod"))
			.requestMatchers(HttpMethod.GET, "/dev/mailbox").permitAll()
			// Stripe signs its webhook; the signature, not a session, says who calls
			.requestMatchers(HttpMethod.POST, "/stripe/webhook").permitAll()
			// the API's description and the public catalogue and free places of a Questura
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
					"/api/v1/q/{slug}/practices", "/api/v1/q/{slug}/practices/**").permitAll()
			.requestMatchers("/association/register", "/association").access(signedIn.apply(authenticated()))
			.requestMatchers("/association/**").access(signedIn.apply(peopleWhoBook()))
			.requestMatchers("/api/v1/association/**").access(signedIn.apply(associations()))
			.requestMatchers("/admin/**").access(signedIn.apply(hasRole("PLATFORM_ADMIN")))
			// the office's own configuration: its admins; the day's work below: all its staff
			.requestMatchers("/q/{slug}/admin/settings/**", "/q/{slug}/admin/settings", "/q/{slug}/admin/catalogue/**",
					"/q/{slug}/admin/catalogue", "/q/{slug}/admin/hours/**", "/q/{slug}/admin/hours",
					"/q/{slug}/admin/closures/**", "/q/{slug}/admin/closures", "/q/{slug}/admin/staff/**",
					"/q/{slug}/admin/staff", "/q/{slug}/admin/import", "/q/{slug}/admin/audit", "/q/{slug}/admin/audit/**",
					"/q/{slug}/admin/abuse", "/q/{slug}/admin/api-keys", "/q/{slug}/admin/api-keys/**")
			.access(signedIn.apply(adminOfTheQuestura()))
			.requestMatchers("/q/{slug}/admin/**").access(signedIn.apply(staffOfTheQuestura()))
			// the Questura's systems send the ready-for-pick-up list with its API key
			.requestMatchers(HttpMethod.POST, "/api/v1/q/{slug}/ready-list").access(questurasApiKey())
			// the booking journey and the booking API: the people who book, never the office's staff (the seeds forbid
			// counter staff from booking; they act through the back office's office-channel actions)
			.requestMatchers("/q/{slug}/book", "/q/{slug}/book/**", "/api/v1/q/{slug}/bookings",
					"/api/v1/q/{slug}/bookings/**")
			.access(signedIn.apply(peopleWhoBook()))
			.requestMatchers("/me/**", "/me", "/api/v1/me").access(signedIn.apply(authenticated())))
			.headers(headers -> headers
				// no-store on every answer but the static assets; a controller that sets its own Cache-Control keeps it
				.cacheControl(cache -> cache.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(
						new OrRequestMatcher(Arrays.stream(STATIC).map(PathPatternRequestMatcher::pathPattern)
							.toArray(RequestMatcher[]::new))), new CacheControlHeadersWriter()))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
						new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy)))
				// Swagger UI (a page for developers, no personal data) sets styles inline
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(
						contentSecurityPolicy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"))))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
			.csrf(csrf -> csrf.ignoringRequestMatchers(API,
					PathPatternRequestMatcher.pathPattern("/stripe/webhook")))
			.addFilterAfter(new AbsoluteSessionTimeout(absoluteTimeout), SecurityContextHolderFilter.class)
			.addFilterBefore(new ApiKeyAuthentication(apiKeys), AuthorizationFilter.class);
	}

	/**
	 * An API caller without credentials is told 401 with the schemes it may use, never sent to a login page; each
	 * chain registers it before its catch-all entry point for pages.
	 */
	private static AuthenticationEntryPoint apiChallenge(String challenge) {
		return (request, response, missing) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			response.sendError(HttpStatus.UNAUTHORIZED.value());
		};
	}

	/** Citizens and association members (or an association's API key); not staff, not platform admins. */
	private static AuthorizationManager<RequestAuthorizationContext> peopleWhoBook() {
		return (authentication, context) -> {
			Object principal = authentication.get() == null ? null : authentication.get().getPrincipal();
			if (principal instanceof ApiClient client) {
				return new AuthorizationDecision(client.scope().associationId() != null);
			}
			return new AuthorizationDecision(principal instanceof SportelloPrincipal person
					&& person.memberships().stream().anyMatch(m -> m.getRole() == Role.CITIZEN || m.getRole().isAssociation())
					&& person.memberships().stream().noneMatch(m -> m.getRole().isStaff() || m.getRole() == Role.PLATFORM_ADMIN));
		};
	}

	/** The admins of the Questura, and nobody else. */
	private static AuthorizationManager<RequestAuthorizationContext> adminOfTheQuestura() {
		return (authentication, context) -> {
			Object principal = authentication.get() == null ? null : authentication.get().getPrincipal();
			String slug = context.getVariables().get("slug");
			return new AuthorizationDecision(principal instanceof SportelloPrincipal user && slug != null
					&& user.memberships().stream().anyMatch(m -> m.getRole() == Role.QUESTURA_ADMIN
							&& slug.equals(m.getTenantSlug())));
		};
	}

	/** An API key of the Questura itself. */
	private static AuthorizationManager<RequestAuthorizationContext> questurasApiKey() {
		return (authentication, context) -> {
			Object principal = authentication.get() == null ? null : authentication.get().getPrincipal();
			String slug = context.getVariables().get("slug");
			return new AuthorizationDecision(principal instanceof ApiClient client && slug != null
					&& slug.equals(client.scope().tenantSlug()));
		};
	}

	/** An association's API key, or one of its members. */
	private static AuthorizationManager<RequestAuthorizationContext> associations() {
		return (authentication, context) -> {
			Object principal = authentication.get() == null ? null : authentication.get().getPrincipal();
			if (principal instanceof ApiClient client) {
				return new AuthorizationDecision(client.scope().associationId() != null);
			}
			return new AuthorizationDecision(principal instanceof SportelloPrincipal person
					&& person.memberships().stream().anyMatch(m -> m.getRole().isAssociation()));
		};
	}

	/** Staff of the Questura act only inside the Questure they belong to. */
	private static AuthorizationManager<RequestAuthorizationContext> staffOfTheQuestura() {
		return (authentication, context) -> {
			Object principal = authentication.get() == null ? null : authentication.get().getPrincipal();
			String slug = context.getVariables().get("slug");
			return new AuthorizationDecision(principal instanceof SportelloPrincipal user && slug != null
					&& user.isStaffOf(slug));
		};
	}
}
