package dev.latchkey.account.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.account.SignInThrottledException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * One answer for every failed sign-in, whatever the reason (wrong password, unknown email, disabled account):
 * back to the form with the generic message; a throttled attempt is asked to try again in a moment. The email is
 * carried over in a short-lived cookie for the sign-in page only, not the URL (browser history, access logs) and
 * not a session (an anonymous visitor gets none, and concurrent attempts would race for it); the password is
 * never carried over.
 */
public class SignInFailureHandler implements AuthenticationFailureHandler {

	static final String EMAIL_COOKIE = "latchkey-sign-in-email";

	private static final int MAX_EMAIL_LENGTH = 320;

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String email = request.getParameter("username");
		if (email != null && !email.isBlank()) {
			String kept = email.strip();
			kept = (kept.length() > MAX_EMAIL_LENGTH) ? kept.substring(0, MAX_EMAIL_LENGTH) : kept;
			response.addCookie(emailCookie(request, URLEncoder.encode(kept, StandardCharsets.UTF_8), 60));
		}
		boolean throttled = exception instanceof SignInThrottledException;
		response.sendRedirect(request.getContextPath() + (throttled ? "/login?busy" : "/login?error"));
	}

	/** The email of the last failed attempt, once: the cookie is cleared as it is read. */
	static String takeEmail(HttpServletRequest request, HttpServletResponse response) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (EMAIL_COOKIE.equals(cookie.getName())) {
				response.addCookie(emailCookie(request, "", 0));
				try {
					String email = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
					return (email.length() > MAX_EMAIL_LENGTH) ? null : email;
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

	private static Cookie emailCookie(HttpServletRequest request, String value, int maxAge) {
		Cookie cookie = new Cookie(EMAIL_COOKIE, value);
		cookie.setPath(request.getContextPath() + "/login");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge(maxAge);
		cookie.setAttribute("SameSite", "Strict");
		return cookie;
	}

}
