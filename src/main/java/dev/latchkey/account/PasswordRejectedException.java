package dev.latchkey.account;

import java.util.List;
import java.util.Map;

import dev.latchkey.InvalidInputException;

/** A new password that breaks the password policy or does not match its confirmation: every problem, by field. */
public class PasswordRejectedException extends InvalidInputException {

	private final Map<String, List<String>> problems;

	public PasswordRejectedException(Map<String, List<String>> problems) {
		super(problems.keySet().iterator().next(), problems.values().iterator().next().get(0));
		this.problems = Map.copyOf(problems);
	}

	/** @return for each field (password, confirmation), every rule it breaks */
	public Map<String, List<String>> problems() {
		return this.problems;
	}

}
