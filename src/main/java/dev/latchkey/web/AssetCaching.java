package dev.latchkey.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A static asset under a content-hashed URL ({@code /assets/css/latchkey-<md5>.css}, which the resource chain serves
 * only while the hash is the file's) never changes, so browsers and proxies may keep it a year without asking again.
 * The same file under its plain URL (a page not rendered by Thymeleaf links it so, e.g. the database outage page)
 * keeps the resource handler's {@code no-cache}, so a new version is seen at once.
 * <p>
 * Spring's resource handler has one cache setting for both, and sets it while answering; this filter, inside Spring
 * Security's (which leaves a Cache-Control it finds alone), replaces that setting for hashed URLs answered with a
 * success. Signed-in pages keep Spring Security's {@code no-store}.
 */
final class AssetCaching extends OncePerRequestFilter {

	static final String IMMUTABLE = "max-age=31536000, public, immutable";

	/** The content version strategy's file name: name, a dash, 32 hex digits (MD5), the extension. */
	private static final Pattern HASHED = Pattern.compile("^/(assets|webjars)/.*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method))
				|| !HASHED.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, cacheControl(name, value));
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, cacheControl(name, value));
			}

			private String cacheControl(String name, String value) {
				boolean success = getStatus() < 300 || getStatus() == HttpServletResponse.SC_NOT_MODIFIED;
				return (HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) && success) ? IMMUTABLE : value;
			}

		});
	}

}
