package dev.latchkey.apikey;

import java.util.Arrays;

import dev.latchkey.InvalidInputException;

/** What happens to a live key reported as leaked: its admins are always told; it may also stop working at once. */
public enum LeakPolicy {

	NOTIFY("notify", "Notify only"), DEACTIVATE("deactivate", "Deactivate at once");

	private final String value;

	private final String label;

	LeakPolicy(String value, String label) {
		this.value = value;
		this.label = label;
	}

	public String value() {
		return this.value;
	}

	public String label() {
		return this.label;
	}

	public static LeakPolicy parse(String value, String field) {
		return Arrays.stream(values())
			.filter((policy) -> policy.value.equals(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "Choose Notify only or Deactivate at once"));
	}

}
