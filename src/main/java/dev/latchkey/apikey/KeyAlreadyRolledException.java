package dev.latchkey.apikey;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A key is rolled once: its successor is the key to roll next. Rolling it again would leave two successors and
 * no answer to "which key replaced this one".
 */
public class KeyAlreadyRolledException extends ErrorResponseException {

	public KeyAlreadyRolledException(String successorPrefix) {
		super(HttpStatus.CONFLICT, problem(successorPrefix), null);
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

	private static ProblemDetail problem(String successorPrefix) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This key was already rolled to "
				+ successorPrefix + "…; roll that key instead.");
		problem.setTitle("Key already rolled");
		problem.setType(URI.create("urn:latchkey:problem:already_rolled"));
		return problem;
	}

}
