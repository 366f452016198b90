package dev.latchkey.link;

/**
 * What an emailed link is for, and the page it opens. A token only works for its own purpose: a reset link
 * cannot accept an invitation. Stored by name, so renaming a constant voids its outstanding links.
 */
public enum LinkPurpose {

	/** "Forgot password?": the subject is the user's id. */
	PASSWORD_RESET("/reset-password"),

	/** An invitation to join a tenant (valid 72 hours, as issue 9 asks); the subject is chosen by its feature. */
	INVITATION("/accept-invitation");

	private final String path;

	LinkPurpose(String path) {
		this.path = path;
	}

	/** The page the link opens, {@code ?token=…} appended. */
	public String path() {
		return this.path;
	}

}
