package dev.latchkey.security;

import java.time.Clock;
import java.util.Map;

import dev.latchkey.account.Role;
import dev.latchkey.account.SignedInUserRefresh;
import dev.latchkey.account.Users;
import dev.latchkey.account.SignInClient;
import dev.latchkey.account.SignOutRecorder;
import dev.latchkey.account.web.SignInFailureHandler;
import dev.latchkey.account.web.SignInSuccessHandler;
import dev.latchkey.apikey.ApiKeyAuthenticator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: a stateless one for the JSON API under {@code /api/**}, authenticated by the
 * {@code x-api-key} header, ahead of the dashboard's session-based one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final RequestMatcher HTMX_REQUEST = new RequestHeaderRequestMatcher("HX-Request", "true");

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiKeyAuthenticator authenticator) throws Exception {
		var entryPoint = new ProblemAuthenticationEntryPoint();
		var apiKeyFilter = new AuthenticationFilter(new ProviderManager(new ApiKeyAuthenticationProvider(authenticator)),
				new ApiKeyAuthenticationConverter());
		var answers = new RateLimitHeaders(entryPoint);
		apiKeyFilter.setSuccessHandler(answers);
		apiKeyFilter.setFailureHandler(answers);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/hello_world")
				.permitAll()
				// leak reports come from secret scanners, signed, without a key (see LeakReportsController)
				.requestMatchers(HttpMethod.POST, "/api/credentials/leaks")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterAt(apiKeyFilter, BasicAuthenticationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.headers(SecurityHeaders.strict())
			// Work no API request needs, done on every one: a sign-out URL (/logout is not under /api) and the
			// servlet API's request wrapper (nothing here asks the request for its user; @AuthenticationPrincipal reads
			// the security context).
			.logout((logout) -> logout.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, Clock clock, Users users, SignOutRecorder signOuts)
			throws Exception {
		CookieRequestCache requestCache = new CookieRequestCache();
		// Only a page a browser navigated to is worth returning to after signing in: never an htmx fragment.
		requestCache.setRequestMatcher((request) -> "GET".equals(request.getMethod()) && !HTMX_REQUEST.matches(request)
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
		SessionExpiry sessionExpiry = new SessionExpiry(requestCache);
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/forgot-password", "/reset-password", "/accept-invitation", "/assets/**",
						"/webjars/**", "/favicon.ico", "/error", "/swagger", "/swagger/**", "/swagger-ui/**",
						"/swagger-ui.html", "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/settings/security", "/settings/security/**")
				.hasRole("ADMIN")
				// The operator console, GET included; the services check the same authority again.
				.requestMatchers("/operator", "/operator/**")
				.hasAuthority(Role.OPERATOR_AUTHORITY)
				.anyRequest()
				.authenticated())
			// Each request acts as the member is now (role, disabled, removed, tenant suspended), not as at sign-in.
			.addFilterBefore(new SignedInUserRefresh(users), AuthorizationFilter.class)
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(new SignInSuccessHandler(requestCache, clock))
				.authenticationDetailsSource(
						(request) -> new SignInClient(request.getRemoteAddr(), request.getHeader("User-Agent")))
				.failureHandler(new SignInFailureHandler()))
			// Nothing of an anonymous visitor is stored server-side: the CSRF token and the page to return to after
			// signing in live in cookies, not in a session.
			.csrf((csrf) -> csrf.csrfTokenRepository(new CsrfCookies()))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.requestCache((cache) -> cache.requestCache(requestCache))
			.logout((logout) -> logout.addLogoutHandler(signOuts).logoutSuccessUrl("/login?logout"))
			// A session that has gone leads to the sign-in page with a message, for a plain request, a form post
			// and an htmx request (HX-Redirect, never a swapped-in form).
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(sessionExpiry)
				.accessDeniedHandler(sessionExpiry))
			.headers(SecurityHeaders.strict())
			.build();
	}

	/**
	 * No Spring Security observations. With them, every request opened one for the filter chain and one around each
	 * of its filters, plus one for authentication and one for authorization: about a tenth of an API request's CPU
	 * (a profile of {@code bench/}), and recorded into a meter registry that nothing exposes. Requests are still
	 * observed once each ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's strict request firewall with its defaults, but checking header names and values with
	 * {@link HeaderText}: the same rule, without a regular expression per header read.
	 */
	@Bean
	WebSecurityCustomizer requestFirewall() {
		var firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
		return (web) -> web.httpFirewall(firewall);
	}

	/** Publishes sign-in successes and failures as application events (the last sign-in shown in Members). */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	/**
	 * New hashes are Argon2id: bcrypt reads only the first 72 bytes, and a 128-character passphrase of emoji is
	 * up to 512, so bcrypt would silently truncate it. Existing {@code {bcrypt}} hashes, and Argon2 hashes made with
	 * lower costs, still verify and are replaced at the next successful sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2id(), "bcrypt", new BCryptPasswordEncoder()));
	}

	/** The OWASP Password Storage Cheat Sheet's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
	static Argon2PasswordEncoder argon2id() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	}

}
