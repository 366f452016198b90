package dev.latchkey.operator;

public class TenantNotFoundException extends RuntimeException {

	TenantNotFoundException() {
		super("No such tenant");
	}

}
