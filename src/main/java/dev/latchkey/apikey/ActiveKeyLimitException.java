package dev.latchkey.apikey;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The tenant already has as many active keys as it may: a 409 problem that says what to do. */
public class ActiveKeyLimitException extends ErrorResponseException {

	public ActiveKeyLimitException(int max) {
		super(HttpStatus.CONFLICT, problem(max), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(int max) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Your tenant already has " + max
				+ " active API keys, the most it may have. Deactivate or delete keys you no longer use, then try again.");
		problem.setTitle("Too many active API keys");
		problem.setType(URI.create("urn:latchkey:problem:active_key_limit"));
		problem.setProperty("max_active_keys", max);
		return problem;
	}

}
