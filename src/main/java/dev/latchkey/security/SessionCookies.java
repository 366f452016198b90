package dev.latchkey.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: {@code HttpOnly}, {@code SameSite=Lax}, and over HTTPS named {@code __Host-SESSION}, which a
 * browser accepts only with Secure, Path=/ and no Domain, so neither a sibling subdomain nor a plain-HTTP page can
 * set or overwrite it. Over plain HTTP (development on http://localhost) browsers would drop such a cookie, so
 * there it stays {@code SESSION}.
 */
final class SessionCookies implements CookieSerializer {

	private final DefaultCookieSerializer secure = serializer("__Host-SESSION", true);

	private final DefaultCookieSerializer plain = serializer("SESSION", false);

	private static DefaultCookieSerializer serializer(String name, boolean secure) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setUseSecureCookie(secure);
		return serializer;
	}

	private CookieSerializer forRequest(HttpServletRequest request) {
		return request.isSecure() ? this.secure : this.plain;
	}

	@Override
	public void writeCookieValue(CookieValue cookieValue) {
		forRequest(cookieValue.getRequest()).writeCookieValue(cookieValue);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return forRequest(request).readCookieValues(request);
	}

}
