package dev.latchkey.account.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.latchkey.account.UserSessions;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After a sign-in: notes the browser and address in the new session (for Settings → Account → Sessions), then
 * goes back to the page that was asked for when the sign-in was needed (a GET, or the page an htmx request came
 * from), or else to API Credentials.
 */
public class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	/** A page to return to after signing in, set when an htmx request found the session gone. */
	public static final String RETURN_TO = SignInSuccessHandler.class.getName() + ".RETURN_TO";

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
		Object returnTo = session.getAttribute(RETURN_TO);
		session.removeAttribute(RETURN_TO);
		if (returnTo instanceof String path && isLocalPath(path)) {
			this.requestCache.removeRequest(request, response);
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, path);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	/** Only a path of this application: never another host, so the page cannot become an open redirect. */
	public static boolean isLocalPath(String path) {
		return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.contains("\r")
				&& !path.contains("\n");
	}

}
