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
				if (this.clock.millis() - session.getCreationTime() > this.absoluteTimeout.toMillis()) {
					session.invalidate();
				}
			}
			catch (IllegalStateException ex) {
				// already invalidated by another request
			}
		}
		chain.doFilter(request, response);
	}

}
