package dev.latchkey.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only when the connection comes from a configured
 * proxy. The client is then the right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy:
 * addresses further left were written by the client and prove nothing.
 */
final class TrustedProxyFilter extends OncePerRequestFilter {

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final List<IpAddressMatcher> proxies;

	TrustedProxyFilter(TrustedProxies settings) {
		this.proxies = settings.trustedProxies().stream().map(String::strip).map(IpAddressMatcher::new).toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.proxies.isEmpty() || !trusted(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		List<String> hops = new ArrayList<>();
		for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
			for (String hop : header.split(",")) {
				hops.add(hop.strip());
			}
		}
		String client = request.getRemoteAddr();
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!IP_LITERAL.matcher(hop).matches()) {
				break;
			}
			client = hop;
			if (!trusted(hop)) {
				break;
			}
		}
		String proto = request.getHeader("X-Forwarded-Proto");
		boolean secure = (proto != null) ? "https".equalsIgnoreCase(proto.strip()) : request.isSecure();
		chain.doFilter(new ForwardedRequest(request, client, secure), response);
	}

	private boolean trusted(String address) {
		try {
			return this.proxies.stream().anyMatch((proxy) -> proxy.matches(address));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static final class ForwardedRequest extends HttpServletRequestWrapper {

		private final String client;

		private final boolean secure;

		ForwardedRequest(HttpServletRequest request, String client, boolean secure) {
			super(request);
			this.client = client;
			this.secure = secure;
		}

		@Override
		public String getRemoteAddr() {
			return this.client;
		}

		@Override
		public String getRemoteHost() {
			return this.client;
		}

		@Override
		public boolean isSecure() {
			return this.secure;
		}

		@Override
		public String getScheme() {
			return this.secure ? "https" : super.getScheme();
		}

	}

}
