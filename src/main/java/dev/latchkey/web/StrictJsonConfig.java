package dev.latchkey.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON bodies are read as written, for every request record of the API: a number or a boolean where text is
 * expected, a property given twice or a property nobody reads is refused (and named, by the API's problem
 * handler), rather than guessed at. A client that sends {@code "name": 42} has a bug it should hear about.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.withCoercionConfig(LogicalType.Textual, (config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			// and no text where a number is expected ("expire_old_in_seconds": "3600")
			.withCoercionConfig(LogicalType.Integer, (config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfigDefaults((config) -> config.setAcceptBlankAsEmpty(false)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
	}

}
