import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long another instance keeps accepting a deactivated key. For each of COUNT fresh keys: creates it on A, checks
 * that B accepts it (so B has it cached), deactivates it on A, and from the moment A's call returns sends the key
 * to B back to back until B answers 401. Prints one line: "p50 p99 max" in milliseconds.
 *
 * <p>
 * java bench/Revocation.java BASE_A BASE_B API_KEY COUNT
 */
public class Revocation {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(key_[0-9a-f]+)\"");

	private static final Pattern ID = Pattern.compile("\"heron_id\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String a = args[0];
		String b = args[1];
		String apiKey = args[2];
		int count = Integer.parseInt(args[3]);
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String created = send(HttpRequest.newBuilder(URI.create(a + "/api/credentials/keys"))
				.header("x-api-key", apiKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"revocation " + i + "\"}")), 201);
			String token = find(TOKEN, created);
			String id = find(ID, created);
			int status = status(b, token);
			if (status != 200) {
				throw new IllegalStateException("B answered " + status + " for a new key");
			}
			send(HttpRequest.newBuilder(URI.create(a + "/api/credentials/keys/" + id + "/deactivate"))
				.header("x-api-key", apiKey)
				.POST(HttpRequest.BodyPublishers.noBody()), 200);
			long returned = System.nanoTime();
			long deadline = returned + Duration.ofSeconds(10).toNanos();
			while (status(b, token) == 200) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("B still accepts a key deactivated 10 s ago");
				}
			}
			millis.add((System.nanoTime() - returned) / 1e6);
		}
		Collections.sort(millis);
		System.out.printf("%.1f %.1f %.1f%n", percentile(millis, 50), percentile(millis, 99),
				millis.get(millis.size() - 1));
	}

	private static double percentile(List<Double> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static int status(String base, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/hello_world/authenticated"))
			.header("x-api-key", token)
			.timeout(Duration.ofSeconds(5))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String send(HttpRequest.Builder request, int expected) throws Exception {
		HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode());
		}
		return response.body();
	}

	private static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("not in the response: " + pattern);
		}
		return matcher.group(1);
	}

}
