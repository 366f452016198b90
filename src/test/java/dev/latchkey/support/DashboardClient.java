package dev.latchkey.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client for the dashboard, as a browser without JavaScript would use it: it remembers the
 * session cookie and the CSRF token of the last page it read, and sends that token with its form posts.
 */
public final class DashboardClient {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** What a browser asks for when it navigates, so the server answers as it would a browser. */
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String csrf;

	public DashboardClient(int port) {
		this.base = "http://127.0.0.1:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public Response get(String path) {
		return get(path, Map.of());
	}

	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).GET();
		if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
			request.header("Accept", BROWSER_ACCEPT);
		}
		headers.forEach(request::header);
		return send(request.build());
	}

	/** A form post carrying the CSRF token of the last page read. */
	public Response post(String path, Map<String, String> form) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", this.csrf);
		return postWithoutCsrf(path, withToken, Map.of());
	}

	public Response postWithHeaders(String path, Map<String, String> form, Map<String, String> headers) {
		Map<String, String> withToken = new LinkedHashMap<>(form);
		withToken.put("_csrf", this.csrf);
		return postWithoutCsrf(path, withToken, headers);
	}

	public Response postWithoutCsrf(String path, Map<String, String> form, Map<String, String> headers) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	/** A form post with repeated fields (checkboxes), carrying the CSRF token of the last page read. */
	public Response postFields(String path, Map<String, java.util.List<String>> form, Map<String, String> headers) {
		String body = form.entrySet()
			.stream()
			.flatMap((e) -> e.getValue().stream().map((value) -> encode(e.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&")) + "&_csrf=" + encode(this.csrf);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return send(request.build());
	}

	/** Reads the sign-in form, then posts it. */
	public Response signIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("username", email, "password", password));
	}

	/** Signs in as the named browser would: the Sessions list shows it by its User-Agent. */
	public Response signIn(String email, String password, String userAgent) {
		get("/login");
		return postWithHeaders("/login", Map.of("username", email, "password", password),
				Map.of("User-Agent", userAgent));
	}

	public Optional<String> sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Every cookie held, as a Cookie header's value, for a request sent some other way. */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	public void forgetCookies() {
		this.cookies.getCookieStore().removeAll();
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Response result = new Response(response.statusCode(), response.headers().map(), response.body());
			Matcher token = CSRF_FIELD.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> String.join(", ", e.getValue()))
				.findFirst()
				.orElse(null);
		}

		public String location() {
			return header("Location");
		}

	}

}
