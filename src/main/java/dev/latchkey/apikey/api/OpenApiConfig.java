package dev.latchkey.apikey.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /swagger}, generated from the controllers. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Latchkey API", version = "1"),
		security = @SecurityRequirement(name = "ApiKeyAuth"))
@SecurityScheme(name = "ApiKeyAuth", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
		paramName = "x-api-key")
class OpenApiConfig {

}
