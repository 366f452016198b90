package dev.latchkey.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where a dashboard request goes when it needs a sign-in. A browser whose session cookie names a session that no
 * longer exists (it timed out, or was signed out elsewhere) is told so on the sign-in page. A plain request is
 * redirected; an htmx request gets {@code HX-Redirect}, so the browser leaves the page instead of swapping the
 * sign-in form into a table, and the page it was on is remembered for after the sign-in. A form posted from a page
 * whose session has gone fails its CSRF check (the token lived in the session): that too is an expired session,
 * not a 403.
 */
final class SessionExpiry implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final RequestCache requestCache;

	SessionExpiry(RequestCache requestCache) {
		this.requestCache = requestCache;
	}

	static final String LOGIN = "/login";

	static final String LOGIN_EXPIRED = "/login?expired";

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		toSignIn(request, response, expired(request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		if (denied instanceof CsrfException && expired(request)) {
			toSignIn(request, response, true);
			return;
		}
		if (isHtmx(request)) {
			// A refused htmx request must not swap an error page into part of the page: the browser reloads it.
			response.setHeader("HX-Refresh", "true");
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	private void toSignIn(HttpServletRequest request, HttpServletResponse response, boolean expired)
			throws IOException {
		String login = request.getContextPath() + (expired ? LOGIN_EXPIRED : LOGIN);
		if (isHtmx(request)) {
			String page = currentPage(request);
			if (page != null) {
				// remembered like a page the browser asked for (in a cookie: no session for a signed-out browser)
				this.requestCache.saveRequest(new PageRequest(request, page), response);
			}
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(login);
	}

	/** The session cookie named a session, and it is gone. */
	static boolean expired(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

	private static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	/** The path of the page the htmx request came from ({@code HX-Current-URL}), if it is a page of this host. */
	private static String currentPage(HttpServletRequest request) {
		String url = request.getHeader("HX-Current-URL");
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
				return null;
			}
			String path = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			return isLocalPath(path) && !path.startsWith(LOGIN) ? path : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Only a path of this application: never another host, so the page cannot become an open redirect. */
	static boolean isLocalPath(String path) {
		return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.contains("\r")
				&& !path.contains("\n");
	}

	/** The page an htmx request came from, as a plain GET of it, for the request cache. */
	private static final class PageRequest extends HttpServletRequestWrapper {

		private final String path;

		private final String query;

		PageRequest(HttpServletRequest request, String page) {
			super(request);
			int question = page.indexOf('?');
			this.path = (question < 0) ? page : page.substring(0, question);
			this.query = (question < 0) ? null : page.substring(question + 1);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + this.path;
		}

		@Override
		public String getServletPath() {
			return this.path;
		}

		@Override
		public String getPathInfo() {
			return null;
		}

		@Override
		public String getQueryString() {
			return this.query;
		}

		@Override
		public String getHeader(String name) {
			return ("HX-Request".equalsIgnoreCase(name) || "X-Requested-With".equalsIgnoreCase(name)) ? null
					: super.getHeader(name);
		}

	}

}
