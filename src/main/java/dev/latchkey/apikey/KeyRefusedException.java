package dev.latchkey.apikey;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that authenticated but may not do what it asks: a 403 problem body with a {@code type} a client can
 * branch on, and the detail a person can read. Being an {@link ErrorResponseException}, it needs no handler of its
 * own to become that body.
 */
public class KeyRefusedException extends ErrorResponseException {

	private final String reason;

	public KeyRefusedException(String reason, String detail) {
		super(HttpStatus.FORBIDDEN, problem(reason, detail), null);
		this.reason = reason;
	}

	/** The key lacks the scope an endpoint needs. */
	public static KeyRefusedException missingScope(String scope) {
		KeyRefusedException ex = new KeyRefusedException("insufficient_scope",
				"This API key lacks the scope " + scope + " that this operation requires.");
		ex.getBody().setProperty("missing_scope", scope);
		return ex;
	}

	/** A key asked for more than it has: a key can never hand out more than it holds. */
	public static KeyRefusedException escalation(String detail) {
		return new KeyRefusedException("escalation_refused", detail);
	}

	public String reason() {
		return this.reason;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(String reason, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
		problem.setTitle("Forbidden");
		problem.setType(URI.create("urn:latchkey:problem:" + reason));
		problem.setProperty("reason", reason);
		return problem;
	}

}
