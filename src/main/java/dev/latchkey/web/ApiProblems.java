package dev.latchkey.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Every RFC 9457 problem body of the JSON API is built here, whether a controller advice returns it or a
 * filter, the firewall or an entry point writes it before any controller ran, so they all read alike.
 */
public final class ApiProblems {

	/** Where the JSON API lives: everything under it answers errors as problem bodies, never as HTML. */
	public static final String API_PREFIX = "/api/";

	private static final JsonMapper json = JsonMapper.builder().build();

	private ApiProblems() {
	}

	public static boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return uri != null && (uri.startsWith(API_PREFIX) || uri.equals("/api"));
	}

	public static ProblemDetail of(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/** A 400 naming the offending field, in {@code field} and in the {@code errors} list. */
	public static ProblemDetail invalid(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setTitle("Invalid request");
		problem.setProperty("field", field);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	/** Writes a problem body straight to the response, for code that runs outside Spring MVC. */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		byte[] body = json.writeValueAsBytes(toMap(problem));
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	private static Map<String, Object> toMap(ProblemDetail problem) {
		var map = new java.util.LinkedHashMap<String, Object>();
		map.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			map.put("detail", problem.getDetail());
		}
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

}
