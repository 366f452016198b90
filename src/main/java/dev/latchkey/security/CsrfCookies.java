package dev.latchkey.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The dashboard's CSRF token lives in a cookie (double submit: the form or the htmx header must repeat it), not in
 * a stored session, so that an anonymous visitor to the sign-in page costs no database row. Over HTTPS the cookie
 * is {@code __Host-} prefixed (Secure, Path=/, no Domain: no sibling subdomain can plant one); over plain
 * http://localhost it keeps a plain name, which browsers refuse to prefix.
 */
final class CsrfCookies implements CsrfTokenRepository {

	private final CookieCsrfTokenRepository secure = repository("__Host-latchkey-csrf");

	private final CookieCsrfTokenRepository plain = repository("latchkey-csrf");

	private static CookieCsrfTokenRepository repository(String name) {
		CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
		repository.setCookieName(name);
		repository.setCookiePath("/");
		repository.setCookieCustomizer((cookie) -> cookie.httpOnly(true).sameSite("Lax"));
		return repository;
	}

	private CsrfTokenRepository forRequest(HttpServletRequest request) {
		return request.isSecure() ? this.secure : this.plain;
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return forRequest(request).generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		forRequest(request).saveToken(token, request, response);
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return forRequest(request).loadToken(request);
	}

}
