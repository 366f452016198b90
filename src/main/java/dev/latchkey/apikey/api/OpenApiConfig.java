package dev.latchkey.apikey.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /swagger}, generated from the controllers. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Latchkey API", version = "1"),
		security = @SecurityRequirement(name = "ApiKeyAuth"))
@SecurityScheme(name = "ApiKeyAuth", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
		paramName = "x-api-key")
class OpenApiConfig {

	/**
	 * States each operation's scope, from the same {@link RequiresScope} the request check reads: in the description,
	 * as {@code x-required-scope}, and as the 403 it answers without it.
	 */
	@Bean
	OperationCustomizer requiredScopes() {
		return (operation, handlerMethod) -> {
			RequiresScope required = handlerMethod.getMethodAnnotation(RequiresScope.class);
			if (required == null) {
				return operation;
			}
			String sentence = "Requires the scope `" + required.value() + "`.";
			operation.setDescription(
					(operation.getDescription() != null) ? operation.getDescription() + " " + sentence : sentence);
			operation.addExtension("x-required-scope", required.value());
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			operation.getResponses()
				.addApiResponse("403", new ApiResponse().description("The key lacks the scope " + required.value())
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
			return operation;
		};
	}

}
