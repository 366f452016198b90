package dev.latchkey.apikey.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.latchkey.support.ApiClient;
import dev.latchkey.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at /swagger, generated from the code, keeps the seed's contract for creating a
 * key: same path, method, status codes, and the seed's fields with the same types and constraints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractTest {

	private static final String SEED = "seed/heron-create-api-key.openapi.yaml";

	@LocalServerPort
	int port;

	private Map<String, Object> seed;

	private Map<String, Object> served;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void load() throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(SEED)) {
			this.seed = new Yaml().load(in);
		}
		Response response = new ApiClient(this.port).get("/swagger", null);
		assertThat(response.status()).isEqualTo(200);
		this.served = JsonMapper.builder().build().readValue(response.body(), Map.class);
	}

	@Test
	void theTestsCopyOfTheSeedIsTheSeed() throws IOException {
		Path shared = Path.of("..", "shared", SEED);
		if (Files.exists(shared)) {
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(SEED)) {
				assertThat(new String(in.readAllBytes())).isEqualTo(Files.readString(shared));
			}
		}
	}

	@Test
	void createKeyHasTheSeedsPathMethodAndStatusCodes() {
		Map<String, Object> seedPost = at(this.seed, "paths", "/api/credentials/keys", "post");
		Map<String, Object> servedPost = at(this.served, "paths", "/api/credentials/keys", "post");
		assertThat(servedPost).isNotNull();
		assertThat(at(servedPost, "responses").keySet()).containsAll(at(seedPost, "responses").keySet());
		assertThat(at(servedPost, "requestBody").get("required")).isEqualTo(true);
		assertThat(servedPost.get("tags")).isEqualTo(seedPost.get("tags"));
		assertThat(servedPost.get("summary")).isEqualTo(seedPost.get("summary"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theRequestSchemaHasTheSeedsFieldsAndConstraints() {
		Map<String, Object> seedSchema = requestSchema(this.seed);
		Map<String, Object> servedSchema = requestSchema(this.served);
		assertThat(servedSchema.get("type")).isEqualTo("object");
		assertThat((List<Object>) servedSchema.get("required")).containsAll((List<Object>) seedSchema.get("required"));
		assertSameFields(seedSchema, servedSchema, List.of("type", "format", "minLength", "maxLength"));
		Map<String, Object> name = at(servedSchema, "properties", "name");
		assertThat(name).containsEntry("type", "string").containsEntry("minLength", 1).containsEntry("maxLength", 128);
	}

	@Test
	void theCreatedResponseSchemaHasTheSeedsFieldsAndTypes() {
		Map<String, Object> seedSchema = createdSchema(this.seed);
		Map<String, Object> servedSchema = createdSchema(this.served);
		assertSameFields(seedSchema, servedSchema, List.of("type", "format", "readOnly"));
	}

	@Test
	void theApiKeyAuthSchemeIsTheXApiKeyHeader() {
		Map<String, Object> scheme = at(this.served, "components", "securitySchemes", "ApiKeyAuth");
		assertThat(scheme).containsEntry("type", "apiKey").containsEntry("in", "header").containsEntry("name", "x-api-key");
		assertThat(this.served.get("security").toString()).contains("ApiKeyAuth");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyOperationThatNeedsAScopeStatesIt() {
		Map<String, Object> paths = at(this.served, "paths");
		Map<String, String> expected = Map.of("get /api/credentials/keys", "keys:read", "post /api/credentials/keys",
				"keys:write", "get /api/credentials/keys/{id}", "keys:read", "delete /api/credentials/keys/{id}",
				"keys:write", "post /api/credentials/keys/{id}/deactivate", "keys:write",
				"post /api/credentials/keys/{id}/reactivate", "keys:write", "post /api/keys/verify", "keys:verify",
				"post /api/credentials/keys/{id}/roll", "keys:write", "patch /api/credentials/keys/{id}", "keys:write");
		expected.forEach((operation, scope) -> {
			String[] parts = operation.split(" ");
			Map<String, Object> served = at(paths, parts[1], parts[0]);
			assertThat(served.get("x-required-scope")).as(operation).isEqualTo(scope);
			assertThat((String) served.get("description")).as(operation).contains("Requires the scope `" + scope + "`");
			assertThat(((Map<String, Object>) served.get("responses")).keySet()).as(operation).contains("403");
		});
		assertThat(at(paths, "/api/hello_world/authenticated", "get")).doesNotContainKey("x-required-scope");
	}

	@Test
	@SuppressWarnings("unchecked")
	void rollAnswersLikeCreateAndPatchDocumentsItsFields() {
		Map<String, Object> roll = at(this.served, "paths", "/api/credentials/keys/{id}/roll", "post");
		assertThat(at(roll, "responses", "201", "content", "application/json", "schema"))
			.isEqualTo(at(this.served, "paths", "/api/credentials/keys", "post", "responses", "201", "content",
					"application/json", "schema"));
		Map<String, Object> grace = at(resolve(this.served, at(roll, "requestBody", "content", "application/json",
				"schema")), "properties", "expire_old_in_seconds");
		assertThat(grace).containsEntry("minimum", 0).containsEntry("maximum", 604800);
		Map<String, Object> patch = resolve(this.served, at(this.served, "paths", "/api/credentials/keys/{id}", "patch",
				"requestBody", "content", "application/json", "schema"));
		assertThat(((Map<String, Object>) patch.get("properties")).keySet()).containsExactlyInAnyOrder("name",
				"expires_at");
	}

	@Test
	void aBrowsableUiIsServed() {
		Response ui = new ApiClient(this.port).get("/swagger-ui/index.html", null);
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
	}

	private static void assertSameFields(Map<String, Object> seedSchema, Map<String, Object> servedSchema,
			List<String> attributes) {
		Map<String, Object> seedFields = at(seedSchema, "properties");
		Map<String, Object> servedFields = at(servedSchema, "properties");
		assertThat(servedFields.keySet()).containsAll(seedFields.keySet());
		seedFields.forEach((field, definition) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> seedField = (Map<String, Object>) definition;
			Map<String, Object> servedField = at(servedFields, field);
			for (String attribute : attributes) {
				if (seedField.containsKey(attribute)) {
					assertThat(servedField.get(attribute)).as("%s.%s", field, attribute)
						.isEqualTo(seedField.get(attribute));
				}
			}
		});
	}

	private static Map<String, Object> requestSchema(Map<String, Object> document) {
		return resolve(document, at(document, "paths", "/api/credentials/keys", "post", "requestBody", "content",
				"application/json", "schema"));
	}

	private static Map<String, Object> createdSchema(Map<String, Object> document) {
		return resolve(document, at(document, "paths", "/api/credentials/keys", "post", "responses", "201", "content",
				"application/json", "schema"));
	}

	private static Map<String, Object> resolve(Map<String, Object> document, Map<String, Object> schema) {
		Object ref = schema.get("$ref");
		if (ref == null) {
			return schema;
		}
		String[] path = ((String) ref).substring(2).split("/");
		return at(document, path);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> at(Map<String, Object> node, String... path) {
		Map<String, Object> current = node;
		for (String key : path) {
			current = (Map<String, Object>) current.get(key);
			assertThat(current).as("%s in %s", key, String.join("/", path)).isNotNull();
		}
		return current;
	}

}
