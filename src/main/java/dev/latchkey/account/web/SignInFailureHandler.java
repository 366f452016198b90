package dev.latchkey.account.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * One answer for every failed sign-in, whatever the reason (wrong password, unknown email, disabled or throttled
 * account): back to the form with the generic message. The email is carried over in the session, not the URL, so
 * that it stays out of browser history and access logs; the password is never carried over.
 */
public class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

	static final String EMAIL_ATTRIBUTE = SignInFailureHandler.class.getName() + ".EMAIL";

	private static final int MAX_EMAIL_LENGTH = 320;

	public SignInFailureHandler() {
		super("/login?error");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
		String email = request.getParameter("username");
		if (email != null && !email.isBlank()) {
			String kept = email.strip();
			request.getSession().setAttribute(EMAIL_ATTRIBUTE,
					(kept.length() > MAX_EMAIL_LENGTH) ? kept.substring(0, MAX_EMAIL_LENGTH) : kept);
		}
		super.onAuthenticationFailure(request, response, exception);
	}

	/** The email of the last failed attempt, once. */
	static String takeEmail(HttpSession session) {
		if (session == null) {
			return null;
		}
		Object email = session.getAttribute(EMAIL_ATTRIBUTE);
		session.removeAttribute(EMAIL_ATTRIBUTE);
		return (email instanceof String value) ? value : null;
	}

}
