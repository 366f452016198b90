package dev.latchkey.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a customer's program does with a key: a plain HTTP call with the x-api-key header. */
final class ApiClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** @return the status of an authenticated call made with this token */
	int callWith(String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/hello_world/authenticated"))
			.header("x-api-key", token)
			.GET()
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
