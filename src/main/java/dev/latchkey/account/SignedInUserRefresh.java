package dev.latchkey.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every dashboard request acts as the user is <em>now</em>, not as it was at sign-in: the session keeps the
 * principal of the sign-in, so this re-reads the user (one primary-key read) before authorization. A member who was
 * disabled or removed, whose tenant was suspended, or who no longer exists, is signed out at once (its next click
 * lands on the sign-in page); a changed role or operator authority applies from the next request on. Ending the
 * member's sessions when it is disabled does the same, and this covers whatever that missed (a change made
 * directly in the database, a session created at the same instant).
 *
 * <p>
 * Only the session-based web chain runs this (it is added there, not registered as a servlet filter): the {@code x-api-key} chain never reads the database per request.
 */
public class SignedInUserRefresh extends OncePerRequestFilter {

	private final Users users;

	public SignedInUserRefresh(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
			User current = this.users.find(signedIn.id()).filter(User::canSignIn).orElse(null);
			if (current == null) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (signedIn.differsFrom(current)) {
				SignedInUser fresh = new SignedInUser(current);
				fresh.eraseCredentials();
				var context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
						fresh.getAuthorities()));
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

}
