package dev.latchkey.apikey.api;

import java.util.List;
import java.util.Map;

import dev.latchkey.InvalidInputException;
import dev.latchkey.apikey.ApiKeyNotFoundException;

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

/** Maps the API's exceptions, once, to RFC 9457 problem bodies. */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		return invalid(ex.field(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(ApiKeyNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not Found");
		return problem;
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
		return invalid(ex.getName(), ex.getName() + " must be " + describe(ex.getRequiredType()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body must be a JSON object such as {\"name\": \"CI pipeline\"}");
		problem.setTitle("Malformed request body");
		problem.setProperty("field", "body");
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail invalid(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setTitle("Invalid request");
		problem.setProperty("field", field);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	private static String describe(Class<?> type) {
		return (type == int.class || type == Integer.class) ? "a whole number" : "a valid value";
	}

}
