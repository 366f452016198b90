package dev.latchkey.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.apikey.RateLimitState;
import dev.latchkey.apikey.Verification;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * What the x-api-key filter answers besides the key itself: the IETF {@code RateLimit-Policy} and {@code RateLimit}
 * headers (draft-ietf-httpapi-ratelimit-headers) on every authenticated response, a 429 problem with
 * {@code Retry-After} over the limit, a 403 {@code ip_not_allowed} problem from an address the key does not allow,
 * and the one 401 for everything else.
 */
final class RateLimitHeaders implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final AuthenticationEntryPoint unauthorized;

	RateLimitHeaders(AuthenticationEntryPoint unauthorized) {
		this.unauthorized = unauthorized;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		if (authentication instanceof ApiKeyAuthentication key && key.rateLimit() != null) {
			write(response, key.rateLimit());
		}
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
		if (!(exception instanceof KeyRefusedAuthenticationException refused)) {
			this.unauthorized.commence(request, response, exception);
			return;
		}
		Verification verification = refused.verification();
		switch (verification.status()) {
			case RATE_LIMITED -> {
				RateLimitState state = verification.rateLimit();
				write(response, state);
				response.setHeader("Retry-After", Long.toString(state.retryAfterSeconds()));
				problem(response, 429, "Too Many Requests", "rate_limited",
						"This API key is over its rate limit of " + state.limit().requests() + " requests per "
								+ state.limit().perSeconds() + " s; retry in " + state.retryAfterSeconds() + " s.");
			}
			default -> problem(response, 403, "Forbidden", "ip_not_allowed",
					"This API key may not be used from this address.");
		}
	}

	private static void write(HttpServletResponse response, RateLimitState state) {
		response.setHeader("RateLimit-Policy", state.limit().policy());
		response.setHeader("RateLimit", state.header());
	}

	/** Only fixed text and numbers go into these bodies, never anything the client sent. */
	private static void problem(HttpServletResponse response, int status, String title, String reason, String detail)
			throws IOException {
		byte[] body = ("{\"type\":\"urn:latchkey:problem:" + reason + "\",\"title\":\"" + title + "\",\"status\":"
				+ status + ",\"detail\":\"" + detail + "\",\"reason\":\"" + reason + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
