package dev.latchkey.apikey.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.ApiKeyNotFoundException;
import dev.latchkey.web.ApiProblems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps the API's exceptions, once, to RFC 9457 problem bodies (built by {@link ApiProblems}). */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Pattern QUOTED_NAME = Pattern.compile("\"([^\"]{1,128})\"");

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		return ApiProblems.invalid(ex.field(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(ApiKeyNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/** The calling key's creator may not do this (issue 9: a Developer's key, say, deleting another's key). */
	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
		problem.setTitle("Forbidden");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return ApiProblems.invalid(ex.getName(), ex.getName() + " must be " + describe(ex.getRequiredType()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(unreadable(ex.getMostSpecificCause()));
	}

	/** Names the property a strictly read JSON body failed on, where Jackson tells which. */
	static ProblemDetail unreadable(Throwable cause) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = unknown.getPropertyName();
			return ApiProblems.invalid(field, field + " is not a known property");
		}
		if (cause instanceof MismatchedInputException mismatch && field(mismatch) != null) {
			String field = field(mismatch);
			return ApiProblems.invalid(field, field + " has the wrong type: expected " + describe(mismatch.getTargetType()));
		}
		if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
				&& read.getOriginalMessage().startsWith("Duplicate")) {
			Matcher name = QUOTED_NAME.matcher(read.getOriginalMessage());
			String field = name.find() ? name.group(1) : "body";
			return ApiProblems.invalid(field, field + " is given more than once");
		}
		ProblemDetail problem = ApiProblems.invalid("body",
				"The request body must be a JSON object such as {\"name\": \"CI pipeline\"}");
		problem.setTitle("Malformed request body");
		return problem;
	}

	private static String field(JacksonException ex) {
		String field = null;
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				field = (field == null) ? reference.getPropertyName() : field + "." + reference.getPropertyName();
			}
		}
		return field;
	}

	private static String describe(Class<?> type) {
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		return "a valid value";
	}

}
