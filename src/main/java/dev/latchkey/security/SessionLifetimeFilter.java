package dev.latchkey.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session its absolute lifetime after it began, however active it has been: a stolen session cookie is then
 * worth at most that long. The request goes on as an anonymous one, so the dashboard asks to sign in again.
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

	/**
	 * When the session began: sessions are created by signing in (anonymous visitors
	 * get none), so this is the time of sign-in.
	 */
	static final String STARTED = SessionLifetimeFilter.class.getName() + ".STARTED";

	private final Duration absoluteTimeout;

	private final Clock clock;

	SessionLifetimeFilter(Duration absoluteTimeout, Clock clock) {
		this.absoluteTimeout = absoluteTimeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			try {
				if (session.getAttribute(STARTED) instanceof Long started
						&& this.clock.millis() - started > this.absoluteTimeout.toMillis()) {
					session.invalidate();
				}
			}
			catch (IllegalStateException ex) {
				// already invalidated by another request
			}
		}
		chain.doFilter(request, response);
		// still inside Spring Session's filter, so a session created by this request (signing in) is stamped
		// before it is saved
		HttpSession after = request.getSession(false);
		if (after != null) {
			try {
				if (after.getAttribute(STARTED) == null) {
					after.setAttribute(STARTED, this.clock.millis());
				}
			}
			catch (IllegalStateException ex) {
				// signed out: invalidated
			}
		}
	}

}
