package dev.latchkey.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Errors raised with {@code sendError} before any API handler ran (the firewall's rejection, a method the
 * servlet does not know) reach the container's error page; for a request under {@code /api/} that page is a
 * problem body, never the dashboard's HTML or Boot's ad-hoc JSON.
 */
final class ApiErrorDispatchFilter extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return !(uri instanceof String path && (path.startsWith(ApiProblems.API_PREFIX) || path.equals("/api")));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		ApiProblems.write(response, ApiProblems.of(status, describe(status)));
	}

	private static String describe(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be understood: check its method, path, query and headers.";
			case METHOD_NOT_ALLOWED, NOT_IMPLEMENTED -> "This method is not supported here.";
			case PAYLOAD_TOO_LARGE -> "The request is too large.";
			case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable; try again shortly.";
			default -> status.getReasonPhrase();
		};
	}

}
