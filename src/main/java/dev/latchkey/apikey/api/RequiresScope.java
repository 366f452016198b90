package dev.latchkey.apikey.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API operation needs. Checked before the body is read ({@link ScopeCheck}) and written into the
 * OpenAPI document ({@link OpenApiConfig}), so the two cannot disagree.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface RequiresScope {

	String value();

}
