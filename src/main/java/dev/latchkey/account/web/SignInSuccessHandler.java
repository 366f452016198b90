package dev.latchkey.account.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.latchkey.account.UserSessions;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After a sign-in: notes the browser and address in the new session (for Settings → Account → Sessions), then
 * goes back to the page that was asked for when the sign-in was needed (a GET, or the page an htmx request came
 * from), or else to API Credentials.
 */
public class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	public static final String DEFAULT_TARGET = "/settings/api-credentials";

	private final RequestCache requestCache;

	private final Clock clock;

	public SignInSuccessHandler(RequestCache requestCache, Clock clock) {
		this.requestCache = requestCache;
		this.clock = clock;
		setDefaultTargetUrl(DEFAULT_TARGET);
		setRequestCache(requestCache);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		HttpSession session = request.getSession();
		UserSessions.signInAttributes(request.getHeader("User-Agent"), request.getRemoteAddr(), this.clock.instant())
			.forEach(session::setAttribute);
		SavedRequest saved = this.requestCache.getRequest(request, response);
		if (saved != null && !sameOrigin(saved.getRedirectUrl(), request)) {
			// the page to return to comes from a cookie: never follow one to another host
			this.requestCache.removeRequest(request, response);
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	private static boolean sameOrigin(String url, HttpServletRequest request) {
		try {
			URI uri = URI.create(url);
			return uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
					&& uri.getRawPath() != null && uri.getRawPath().startsWith("/");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
