package dev.latchkey;

/**
 * Input that breaks a rule of the domain, naming the field it concerns so that the JSON API can put it in the
 * problem body and the dashboard can show it next to the form field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
