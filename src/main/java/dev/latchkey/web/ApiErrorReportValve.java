package dev.latchkey.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests itself, before the application sees them (an encoded slash in the path, TRACE,
 * a malformed request line), and answers them with its own HTML page. Under {@code /api/} this valve answers
 * with a problem body instead; elsewhere Tomcat's page is kept.
 */
final class ApiErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		String uri = request.getDecodedRequestURI();
		String raw = request.getRequestURI();
		boolean api = (uri != null && uri.startsWith(ApiProblems.API_PREFIX))
				|| (raw != null && raw.startsWith(ApiProblems.API_PREFIX));
		if (!api) {
			super.report(request, response, throwable);
			return;
		}
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		String title = (status != null) ? status.getReasonPhrase() : "Error";
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("utf-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code
						+ ",\"detail\":\"The request was refused before it reached the API: check its method, path and headers.\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away: nothing to tell it
		}
	}

}
