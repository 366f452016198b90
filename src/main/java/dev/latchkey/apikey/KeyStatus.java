package dev.latchkey.apikey;

public enum KeyStatus {

	ACTIVE("Active"), INACTIVE("Inactive"), EXPIRED("Expired");

	private final String label;

	KeyStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
