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
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/hello_world/authenticated"))
			.header("x-api-key", token)
			.GET()
			.build());
	}

	/** @return the status of listing the tenant's keys (needs keys:read) */
	int listKeysWith(String token) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/credentials/keys"))
			.header("x-api-key", token)
			.GET()
			.build());
	}

	/** @return the status of creating a key (needs keys:write) */
	int createKeyWith(String token) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/credentials/keys"))
			.header("x-api-key", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"made by a key\", \"scopes\": []}"))
			.build());
	}

	private int send(HttpRequest request) {
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
