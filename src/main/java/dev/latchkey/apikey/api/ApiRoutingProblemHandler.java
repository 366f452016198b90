package dev.latchkey.apikey.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem bodies for requests under {@code /api/} that no API handler took: an unknown path, a wrong method or
 * content type. Such errors are raised before a controller is chosen, so {@link ApiProblemHandler} never sees
 * them; the dashboard's own requests are passed on untouched to the usual error pages.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingProblemHandler {

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class,
			HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> routing(ServletException ex, HttpServletRequest request) throws ServletException {
		if (!request.getRequestURI().startsWith("/api/")) {
			// rethrowing the same exception hands it on to the default handling, without a warning
			throw ex;
		}
		ErrorResponse error = (ErrorResponse) ex;
		return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(error.getBody());
	}

}
