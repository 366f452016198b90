package dev.latchkey.apikey;

/** No such key in the caller's tenant: another tenant's key and a deleted key look exactly like this. */
public class ApiKeyNotFoundException extends RuntimeException {

	public ApiKeyNotFoundException() {
		super("No API key with this id exists in your tenant.");
	}

}
