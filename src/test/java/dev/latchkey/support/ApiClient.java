package dev.latchkey.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the JSON API, as a customer's program would call it. */
public final class ApiClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final int port;

	public ApiClient(int port) {
		this.port = port;
		this.base = "http://127.0.0.1:" + port;
	}

	public Response get(String path, String apiKey) {
		return send(request(path, apiKey).GET());
	}

	public Response post(String path, String apiKey, String jsonBody) {
		return send(request(path, apiKey).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
	}

	public Response post(String path, String apiKey, String contentType, String body) {
		return send(request(path, apiKey).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A JSON post without a key, with headers of the caller's choice (a signed leak report, say). */
	public Response postWithHeaders(String path, String jsonBody, java.util.Map<String, String> headers) {
		HttpRequest.Builder request = request(path, null).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody));
		headers.forEach(request::header);
		return send(request);
	}

	public Response put(String path, String apiKey) {
		return send(request(path, apiKey).PUT(HttpRequest.BodyPublishers.noBody()));
	}

	public Response post(String path, String apiKey) {
		return send(request(path, apiKey).POST(HttpRequest.BodyPublishers.noBody()));
	}

	public Response patch(String path, String apiKey, String jsonBody) {
		return send(request(path, apiKey).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody)));
	}

	public Response delete(String path, String apiKey) {
		return send(request(path, apiKey).DELETE());
	}

	/**
	 * Sends a GET with a header value of arbitrary bytes, which {@link HttpClient} would refuse to send: a
	 * client under an attacker's control is not so careful.
	 */
	public Response rawGet(String path, String headerName, byte[] headerValue) {
		byte[] head = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headerName + ": ")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[head.length + headerValue.length + 4];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(headerValue, 0, request, head.length, headerValue.length);
		System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0, request, request.length - 4, 4);
		return raw(request);
	}

	/**
	 * Sends a request exactly as given (method, path and headers unchecked), as a hostile client could: the
	 * header lines end with CRLF; a body, if any, follows with its Content-Length.
	 */
	public Response raw(String method, String path, String headerLines, String body) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headerLines
				+ ((body != null) ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
		byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[start.length + content.length];
		System.arraycopy(start, 0, request, 0, start.length);
		System.arraycopy(content, 0, request, start.length, content.length);
		return raw(request);
	}

	private Response raw(byte[] request) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			try {
				in.transferTo(received);
			}
			catch (IOException ex) {
				// the server may close early on an oversized request; what arrived is enough
			}
			String text = received.toString(StandardCharsets.ISO_8859_1);
			int status = Integer.parseInt(text.substring(9, 12));
			int bodyStart = text.indexOf("\r\n\r\n");
			String head = (bodyStart >= 0) ? text.substring(0, bodyStart) : text;
			String body = (bodyStart >= 0) ? text.substring(bodyStart + 4) : "";
			return new Response(status, head, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpRequest.Builder request(String path, String apiKey) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(10));
		if (apiKey != null) {
			builder.header("x-api-key", apiKey);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			StringBuilder head = new StringBuilder();
			response.headers().map().forEach((name, values) -> values.forEach((v) -> head.append(name).append(": ").append(v).append("\r\n")));
			return new Response(response.statusCode(), head.toString(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** @param headers the response's header lines, as received */
	public record Response(int status, String headers, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		public boolean hasHeader(String name) {
			return this.headers.toLowerCase().lines().anyMatch((line) -> line.startsWith(name.toLowerCase() + ":"));
		}

		public String header(String name) {
			return this.headers.lines()
				.filter((line) -> line.toLowerCase().startsWith(name.toLowerCase() + ":"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(null);
		}

	}

}
